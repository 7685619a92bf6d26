import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/core/validation/types.ts';
import { createValidator } from '../../../src/core/validation/validator.ts';
import { fixtures, resolves, spec } from './spec-facts.ts';

const validator = createValidator(spec);

/** The issues each `warns-` and `invalid-` payload must produce, as `severity code instancePath`. */
const expected: Record<string, string[]> = {
  'invalid-helsinki-parking-type-misspelt.json': ['error enum /parkingType'],
  'invalid-oulu-errors-at-every-depth.json': [
    'error type /name',
    'error type /publish',
    'error type /coordinates/longitude',
    'error type /operator/logo/width',
    'error enum /facilities/1',
    'error type /openingTimes/regularHours/0/weekday',
    'error enum /locationEnergyMix/energySources/0/source',
    'error type /locationEnergyMix/environImpact/0/amount',
    'error type /chargers/0/connector/0/standard',
  ],
  'invalid-tampere-coordinates-as-numbers.json': [
    'error type /coordinates/latitude',
    'error type /coordinates/longitude',
  ],
  'warns-empty-object-without-timezone.json': ['warning ocpi-required /timezone'],
  'warns-espoo-energy-mix-not-adding-up.json': [
    'warning ocpi-energy-mix-total /locationEnergyMix/energySources',
  ],
  'warns-helsinki-two-letter-country-and-misspelt-zone.json': [
    'warning ocpi-pattern /country',
    'warning ocpi-timezone /timezone',
  ],
  'warns-oulu-regular-hours-with-twentyfourseven.json': [
    'warning ocpi-regular-hours-with-247 /openingTimes/regularHours',
  ],
  'warns-tampere-unknown-properties.json': [
    'warning ocpi-required /coordinates/latitude',
    'warning unknown-property /postcode',
    'warning ocpi-name /time_zone',
    'warning unknown-property /parkingTyp',
    'warning ocpi-name /energy_mix',
    'warning unknown-property /coordinates/lat',
  ],
  'warns-turku-latitude-with-too-few-decimals.json': [
    'warning ocpi-pattern /coordinates/latitude',
    'warning ocpi-pattern /coordinates/longitude',
  ],
};

const summarise = (issues: Issue[]) => issues.map((i) => `${i.severity} ${i.code} ${i.instancePath}`);
const parsed = fixtures.map(({ file, text }) => ({ file, text, parsed: validator.parseBody(text) }));
const payloads = parsed.flatMap(({ file, parsed: p }) => (p.ok ? [{ file, body: p.value }] : []));

describe('payload corpus', () => {
  it('holds valid, warning, invalid and unparsable payloads named by behaviour', () => {
    for (const { file } of fixtures)
      expect(file).toMatch(/^(valid|warns|invalid|unparsable)-[a-z0-9-]+\.json$/);
    expect(fixtures.filter(({ file }) => file.startsWith('valid-')).length).toBeGreaterThanOrEqual(10);
    for (const file of Object.keys(expected)) expect(fixtures.map((f) => f.file)).toContain(file);
  });

  it.each(payloads.filter(({ file }) => file.startsWith('valid-')))(
    'finds nothing in $file, even under strict',
    ({ body }) => {
      const result = validator.validateBody(body, { strict: true });
      expect(summarise(result.issues)).toEqual([]);
      expect(result.ok).toBe(true);
    },
  );

  it.each(payloads.filter(({ file }) => !file.startsWith('valid-')))(
    'reports the expected issues for $file',
    ({ file, body }) => {
      const result = validator.validateBody(body);
      expect(summarise(result.issues)).toEqual(expected[file]);
      expect(result.ok).toBe(!file.startsWith('invalid-'));
    },
  );

  it.each(payloads.filter(({ file }) => file.startsWith('warns-')))(
    'turns OCPI advice and unknown properties in $file into errors under strict',
    ({ body }) => {
      const lenient = validator.validateBody(body);
      const strict = validator.validateBody(body, { strict: true });
      const advice = (issues: Issue[]) =>
        issues.filter((i) => i.code.startsWith('ocpi-') || i.code === 'unknown-property');
      expect(advice(strict.issues).every((i) => i.severity === 'error')).toBe(true);
      expect(advice(strict.issues).length).toBe(advice(lenient.issues).length);
      expect(strict.ok).toBe(advice(lenient.issues).length === 0);
    },
  );

  it('reports the enum form of the Tampere site in both renderings', () => {
    const form = (file: string) =>
      validator.validateBody(payloads.find((p) => p.file === file)?.body).enumForm;
    expect(form('valid-tampere-hatanpaa-complete-names.json')).toBe('names');
    expect(form('valid-tampere-hatanpaa-numeric-enums.json')).toBe('numbers');
    expect(form('valid-oulu-kauppatori-minimal.json')).toBe('none');
  });

  it('cannot parse the unparsable payloads, and says where', () => {
    for (const { file, parsed: p } of parsed.filter(({ file }) => file.startsWith('unparsable-'))) {
      expect(p.ok, file).toBe(false);
      if (!p.ok) expect(p.issue.message).toMatch(/^the body is not valid JSON at line \d+, column \d+: /);
    }
  });

  it('emits only specPointers that resolve to a node of openapi.yaml', () => {
    const pointers = new Set<string>();
    for (const { body } of payloads) {
      for (const strict of [false, true])
        for (const issue of validator.validateBody(body, { strict }).issues) pointers.add(issue.specPointer);
    }
    for (const { parsed: p } of parsed) if (!p.ok) pointers.add(p.issue.specPointer);
    expect(pointers.size).toBeGreaterThan(15);
    for (const pointer of pointers) expect(resolves(pointer), pointer).toBe(true);
  });
});
