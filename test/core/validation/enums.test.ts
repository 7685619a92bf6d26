import { describe, expect, it } from 'vitest';
import { createValidator } from '../../../src/core/validation/validator.ts';
import { bodyWith, enums, spec, usages } from './spec-facts.ts';

const validator = createValidator(spec);

/** Every (enum, place in the body) pair: ImageCategory is tested inside each logo and in images[]. */
const places = enums.flatMap((fact) =>
  (usages.get(fact.name) ?? []).map((instancePath) => ({ ...fact, instancePath })),
);

describe('enums', () => {
  it('finds every enum of the spec in the request body', () => {
    expect(enums.map((fact) => fact.name).sort()).toEqual([
      'EnergySourceCategory',
      'EnvironmentalImpactCategory',
      'Facility',
      'ImageCategory',
      'ParkingType',
      'TokenType',
    ]);
    for (const fact of enums) {
      expect(usages.get(fact.name)?.length ?? 0).toBeGreaterThan(0);
      // The index of a value is its position in the list of names (reference, decision 6).
      expect(fact.numbers).toEqual(fact.names.map((_, i) => i));
    }
  });

  describe.each(places)('$name at $instancePath', ({ names, numbers, instancePath }) => {
    it.each(names)('accepts the name %s and reports the names form', (name) => {
      const result = validator.validateBody(bodyWith(instancePath, name));
      expect(result.errors).toBe(0);
      expect(result.enumForm).toBe('names');
    });

    it.each(numbers)('accepts the index %i and reports the numbers form', (index) => {
      const result = validator.validateBody(bodyWith(instancePath, index));
      expect(result.errors).toBe(0);
      expect(result.enumForm).toBe('numbers');
    });

    it.each([
      ['a lower-case name', names[0]?.toLowerCase()],
      ['an index one past the end', numbers.length],
      ['a negative index', -1],
      ['an index as a string', '0'],
      ['a fraction', 0.5],
      ['a boolean', true],
    ])('rejects %s with the allowed names', (_, value) => {
      const result = validator.validateBody(bodyWith(instancePath, value));
      expect(result.ok).toBe(false);
      const errors = result.issues.filter((issue) => issue.severity === 'error');
      expect(errors).toEqual([
        expect.objectContaining({ code: 'enum', instancePath, allowedValues: names, location: 'body' }),
      ]);
      expect(errors[0]?.message).toContain(`(or its index 0-${numbers.length - 1})`);
    });
  });

  it('suggests the closest name for a misspelt value', () => {
    const [issue] = validator.validateBody({ parkingType: 'PARKING_GARAG' }).issues;
    expect(issue).toMatchObject({ code: 'enum', instancePath: '/parkingType', suggestion: 'PARKING_GARAGE' });
    expect(issue?.message).toMatch(/or null; got the string "PARKING_GARAG"; did you mean PARKING_GARAGE\?$/);
  });

  it('points an enum error at the names of the enum in openapi.yaml', () => {
    const [issue] = validator.validateBody({ facilities: ['SAUNA'] }).issues;
    expect(issue?.specPointer).toBe('/components/schemas/Facility/anyOf/0/enum');
  });

  it('says null is allowed only where the enum is nullable', () => {
    const [parking] = validator.validateBody({ parkingType: 'CAR_PARK' }).issues;
    const [facility] = validator.validateBody({ facilities: [null] }).issues;
    expect(parking?.message).toContain('or null;');
    expect(facility).toMatchObject({ code: 'enum', instancePath: '/facilities/0' });
    expect(facility?.message).not.toContain('or null');
  });
});

describe('enum form', () => {
  it.each([
    ['none', { name: 'Kauppatori Oulu', timezone: 'Europe/Helsinki' }],
    ['none', {}],
    ['names', { parkingType: 'PARKING_LOT', facilities: ['WIFI', 'CAFE'] }],
    ['numbers', { parkingType: 2, facilities: [19, 2] }],
    ['mixed', { parkingType: 'PARKING_LOT', facilities: [19] }],
    [
      'mixed',
      {
        images: [{ url: 'https://a.example.fi/1.jpg', category: 1 }],
        operator: { logo: { category: 'OPERATOR' } },
      },
    ],
  ])('reports %s for %j', (form, body) => {
    expect(validator.validateBody(body).enumForm).toBe(form);
  });

  it('warns once about a body that mixes names and indexes', () => {
    const result = validator.validateBody({
      timezone: 'Europe/Helsinki',
      parkingType: 'PARKING_LOT',
      facilities: [19, 2],
    });
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'mixed-enum-forms',
        instancePath: '',
        message: 'the body mixes enum names (1) and int32 indexes (2); pick one form',
      }),
    ]);
  });

  it('counts no enum form for a null parkingType', () => {
    expect(validator.validateBody({ parkingType: null }).enumForm).toBe('none');
  });
});
