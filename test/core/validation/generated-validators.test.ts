import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createValidator } from '../../../src/core/validation/validator.ts';
import { loadSpec } from '../../../src/node/load-spec.ts';
import { fixturesDir } from './spec-facts.ts';

// The project's validators are ajv standalone code written by `npm run generate`: nothing is compiled at run
// time (so a page under a Content-Security-Policy without `unsafe-eval` can validate). Any other spec is compiled.
const payloads = readdirSync(fixturesDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ name, value: parseOrText(readFileSync(join(fixturesDir, name), 'utf8')) }));
const mutants: unknown[] = [
  { parkingType: 'CAR_PARK', facilities: ['WIFI', 'JACUZZI'] },
  {
    name: 5,
    publish: 'yes',
    coordinates: { latitude: 61.5, longitude: '23.7' },
    images: [{ width: 'wide' }],
  },
  { publishAllowedTo: [{}], openingTimes: { twentyfourseven: false, regularHours: [{ weekday: 9 }] } },
  { postal_code: '33100', time_zone: 'Europe/Helsinki', evses: [] },
  [],
  null,
];

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

afterEach(() => vi.restoreAllMocks());

describe('the generated validators', () => {
  it('compile nothing at run time for the project spec', () => {
    const compile = vi.spyOn(Ajv2020.prototype, 'compile');
    const validator = createValidator();
    for (const { value } of payloads) validator.validateBody(value);
    for (const value of mutants) validator.validateBody(value, { strict: true });
    expect(validator.validateInputs({ query: { excludeChargers: 'maybe' } }).length).toBeGreaterThan(0);
    expect(compile).not.toHaveBeenCalled();
  });

  it('report what validators compiled at run time from the same spec report', () => {
    const spec = loadSpec();
    const generated = createValidator(spec);
    // Another digest: the validator cannot take the generated code and compiles the spec now.
    const compiled = createValidator({ ...spec, digest: 'not the generated one' });
    const compile = vi.spyOn(Ajv2020.prototype, 'compile');
    for (const value of [...payloads.map((p) => p.value), ...mutants]) {
      for (const strict of [false, true]) {
        expect(compiled.validateBody(value, { strict })).toEqual(generated.validateBody(value, { strict }));
      }
    }
    expect(compile).toHaveBeenCalled();
  });
});
