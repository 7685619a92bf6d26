import { beforeEach, describe, expect, it } from 'vitest';
import { oulu } from '../support/demo.ts';
import { demoKey, examples, json, makeMock, post, read, tampere } from './helpers.ts';

const mock = makeMock({ seed: 1 });
beforeEach(() => mock.state.reset());

const idPattern = /^Loc-[A-Za-z0-9-]+$/;
const problem = { ...json, ...demoKey, accept: 'application/problem+json' };

describe('a valid request', () => {
  it.each(Object.keys(examples))('returns 200 with a location id for the %s example', async (name) => {
    const { status, type, text } = await read(await post(mock, tampere, examples[name]));
    expect(status).toBe(200);
    expect(type).toBe('application/json');
    const { id } = JSON.parse(text) as { id: string };
    expect(id).toMatch(idPattern);
    expect(id.length).toBeLessThanOrEqual(36);
  });

  it('returns 200 for an empty object', async () => {
    expect((await post(mock, tampere, {})).status).toBe(200);
  });

  it('returns 200 for a request with no body (the body is optional)', async () => {
    expect((await mock.app.request(tampere, { method: 'POST', headers: demoKey })).status).toBe(200);
  });

  it('accepts excludeChargers=true and records it', async () => {
    expect((await post(mock, `${tampere}?excludeChargers=true`, examples.emptyLocation)).status).toBe(200);
    const [created] = mock.state.store.locations.toArray();
    expect(created).toMatchObject({ integrationId: 'int-tampere-roaming', excludeChargers: true });
  });

  it('returns 1,000 distinct ids for 1,000 posts', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 1000; i++) ids.add(JSON.parse(await (await post(mock, tampere)).text()).id);
    expect(ids.size).toBe(1000);
  });

  it('returns the same ids under the same seed', async () => {
    const other = makeMock({ seed: 1 });
    for (let i = 0; i < 5; i++) {
      expect(await (await post(mock, tampere)).text()).toBe(await (await post(other, tampere)).text());
    }
  });

  it('returns other ids under another seed', async () => {
    const other = makeMock({ seed: 2 });
    expect(await (await post(mock, tampere)).text()).not.toBe(await (await post(other, tampere)).text());
  });

  it('accepts an OCPI-rule breach with a warning by default', async () => {
    const response = await post(mock, tampere, { ...examples.minimal, postalCode: '33100-123456789' });
    expect(response.status).toBe(200);
    expect(mock.state.journal.list().entries[0]?.issues.map((i) => i.severity)).toContain('warning');
  });

  it('accepts an unknown property (the real API ignores it)', async () => {
    expect((await post(mock, tampere, { postcode: '33100' })).status).toBe(200);
  });
});

describe('strict mode', () => {
  const strict = makeMock({ strict: true });
  it('returns 400 for an OCPI-rule breach', async () => {
    const response = await post(strict, tampere, { ...examples.minimal, postalCode: '33100-123456789' });
    expect(await read(response)).toMatchObject({ status: 400, text: 'Something went wrong' });
  });

  it('returns 400 for an unknown property, as validate --strict fails it', async () => {
    const response = await post(strict, tampere, { ...examples.minimal, postcode: '33100' });
    expect(await read(response)).toMatchObject({ status: 400, text: 'Something went wrong' });
    const entry = strict.state.journal.list().entries.at(-1);
    expect(entry?.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'unknown-property', suggestion: 'postalCode' }),
    );
  });
});

describe('400 Something went wrong', () => {
  it.each([
    ['a schema-breaking body', { parkingType: 'CAR_PARK' }],
    ['a wrong type', { name: 42 }],
    ['a body that is an array', [1, 2]],
    ['an enum index out of range', { facilities: [99] }],
  ])('returns 400 for %s', async (_, body) => {
    expect(await read(await post(mock, tampere, body))).toEqual({
      status: 400,
      type: 'text/plain; charset=UTF-8',
      text: 'Something went wrong',
    });
  });

  it('returns 400 for malformed JSON', async () => {
    expect(await read(await post(mock, tampere, '{"name": "Hatanpää",}'))).toMatchObject({ status: 400 });
  });

  it('returns 400 for excludeChargers=maybe', async () => {
    expect(await read(await post(mock, `${tampere}?excludeChargers=maybe`))).toMatchObject({
      status: 400,
      text: 'Something went wrong',
    });
  });

  it('returns 400 for a JSON text sent as another media type', async () => {
    const form = { ...demoKey, 'content-type': 'application/x-www-form-urlencoded' };
    expect((await post(mock, tampere, '{}', form)).status).toBe(400);
  });

  it('returns 400 for a body that is not JSON', async () => {
    const response = await post(mock, tampere, 'name=Hatanpaa', { ...demoKey, 'content-type': 'text/plain' });
    expect(response.status).toBe(400);
  });

  it('returns the issues as an RFC 9457 problem when asked', async () => {
    const response = await post(mock, tampere, { parkingType: 'CAR_PARK' }, problem);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = await response.json();
    expect(body).toMatchObject({ title: 'Something went wrong', status: 400, instance: tampere });
    expect(body.type).toMatch(/^https:\/\//);
    expect(body.issues[0]).toMatchObject({ instancePath: '/parkingType', severity: 'error' });
  });

  it('names the line and column of malformed JSON in the problem', async () => {
    const body = await (await post(mock, tampere, '{\n "name": }', problem)).json();
    expect(body.issues[0]).toMatchObject({ code: 'malformed-json', location: 'body' });
    expect(body.issues[0].message).toContain('line 2');
  });

  it('names excludeChargers and its allowed values in the problem', async () => {
    const body = await (await post(mock, `${tampere}?excludeChargers=maybe`, {}, problem)).json();
    expect(body.issues[0]).toMatchObject({ location: 'query', allowedValues: ['true', 'false'] });
  });

  it('returns 413 for a body over the limit', async () => {
    const small = makeMock({ bodyLimit: 64 });
    expect(await read(await post(small, tampere, { name: 'x'.repeat(100) }))).toMatchObject({
      status: 413,
      text: 'Payload too large',
    });
  });
});

describe('401 Not authorised', () => {
  it.each([
    ['no credentials', json],
    ['an unknown API key', { ...json, 'x-api-key': 'nobody' }],
    ['an unknown function code', { ...json }],
  ])('returns 401 for %s', async (name, headers) => {
    const path = name.includes('function code') ? `${tampere}?code=nope&clientId=tampereen-lataus` : tampere;
    expect(await read(await post(mock, path, {}, headers))).toEqual({
      status: 401,
      type: 'text/plain; charset=UTF-8',
      text: 'Not authorised',
    });
  });

  it('returns 401 before 404 for a wrong key and an unknown integration', async () => {
    const response = await post(mock, '/integrations/int-nowhere/locations', {}, { 'x-api-key': 'nobody' });
    expect(response.status).toBe(401);
  });

  it('returns 401 before 400 for a wrong key and a broken body', async () => {
    expect((await post(mock, tampere, '{', { 'x-api-key': 'nobody' })).status).toBe(401);
  });

  it('returns 401 for a code without its clientId', async () => {
    expect((await post(mock, `${tampere}?code=demo-function-code`, {}, json)).status).toBe(401);
  });

  it('never repeats the key in the problem', async () => {
    const text = await (
      await post(mock, tampere, {}, { 'x-api-key': 'secret-123', accept: 'application/problem+json' })
    ).text();
    expect(text).not.toContain('secret-123');
    expect(JSON.parse(text)).toMatchObject({ status: 401, title: 'Not authorised' });
  });
});

describe('the v1 credentials', () => {
  it('returns 200 for code and clientId in the query', async () => {
    const path = `${tampere}?code=demo-function-code&clientId=tampereen-lataus`;
    expect((await post(mock, path, {}, json)).status).toBe(200);
  });

  it('returns 200 for the function key as a header', async () => {
    const path = `${tampere}?clientId=tampereen-lataus`;
    expect((await post(mock, path, {}, { ...json, 'x-functions-key': 'demo-function-code' })).status).toBe(
      200,
    );
  });

  it('returns 404 for an unknown clientId', async () => {
    const path = `${tampere}?code=demo-function-code&clientId=nobody`;
    expect(await read(await post(mock, path, {}, json))).toMatchObject({
      status: 404,
      text: 'Customer not found',
    });
  });

  it("returns 404 for another customer's clientId", async () => {
    const path = '/integrations/int-oulu-roaming/locations?code=demo-function-code&clientId=oulun-energia';
    expect((await post(mock, path, {}, json)).status).toBe(404);
  });
});

describe('404 Customer not found', () => {
  it('returns 404 for an unknown integration', async () => {
    expect(await read(await post(mock, '/integrations/int-nowhere/locations'))).toEqual({
      status: 404,
      type: 'text/plain; charset=UTF-8',
      text: 'Customer not found',
    });
  });

  it('returns 404 when the integration belongs to another customer', async () => {
    expect((await post(mock, '/integrations/int-oulu-roaming/locations')).status).toBe(404);
    const ouluKey = { ...json, 'x-api-key': oulu.apiKey };
    expect((await post(mock, '/integrations/int-oulu-roaming/locations', {}, ouluKey)).status).toBe(200);
  });

  it('returns 404 before 400 for an unknown integration and a broken body', async () => {
    expect((await post(mock, '/integrations/int-nowhere/locations?excludeChargers=maybe', '{')).status).toBe(
      404,
    );
  });

  it('checks the query before the body', async () => {
    const body = await (await post(mock, `${tampere}?excludeChargers=maybe`, '{', problem)).json();
    expect(body.issues.map((i: { location: string }) => i.location)).toEqual(['query']);
  });
});
