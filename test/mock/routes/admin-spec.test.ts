import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pageLimits } from '../../../mock/routes/admin-listing.ts';
import { makeMock, post, tampere } from '../helpers.ts';

// The admin API's own document: every answer of the listings and of health must match its schemas.
const document = parse(readFileSync(new URL('../../../mock/admin.openapi.yaml', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'admin', components: document.components });
const schemaOf = (name: string) => ajv.compile({ $ref: `admin#/components/schemas/${name}` });

describe('mock/admin.openapi.yaml', () => {
  const mock = makeMock({ storeItemBytes: 1024 });

  it('describes the answers of health, requests and locations', async () => {
    await post(mock, tampere, { name: 'x'.repeat(5000) });
    await post(mock, `${tampere}?excludeChargers=maybe`);
    for (const [path, name] of [
      ['/__mock/health', 'Health'],
      ['/__mock/requests?limit=1', 'RequestPage'],
      ['/__mock/requests', 'RequestPage'],
      ['/__mock/locations', 'LocationPage'],
    ] as const) {
      const validate = schemaOf(name);
      const body = await (await mock.app.request(path)).json();
      expect([path, validate(body) ? [] : validate.errors]).toEqual([path, []]);
    }
  });

  it('documents the problem answered for a bad limit', async () => {
    const validate = schemaOf('Problem');
    const body = await (await mock.app.request('/__mock/locations?limit=5000')).json();
    expect(validate(body) ? [] : validate.errors).toEqual([]);
    expect(document.components.parameters.Limit.schema).toMatchObject({
      maximum: pageLimits.maxItems,
      default: pageLimits.defaultItems,
    });
  });

  it('lists every admin route the mock mounts', () => {
    expect(Object.keys(document.paths).sort()).toEqual(
      ['fixtures', 'health', 'locations', 'requests', 'reset', 'validate'].map((route) => `/__mock/${route}`),
    );
  });
});
