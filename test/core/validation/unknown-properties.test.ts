import { describe, expect, it } from 'vitest';
import { createValidator } from '../../../src/core/validation/validator.ts';
import { bodyWith, spec } from './spec-facts.ts';

const validator = createValidator(spec);

describe('unknown properties', () => {
  it.each([
    ['/postcode', 'postalCode', 'Location'],
    ['/parkingTyp', 'parkingType', 'Location'],
    ['/coordinates/lat', 'latitude', 'GeoLocation'],
    ['/coordinates/lng', 'longitude', 'GeoLocation'],
    ['/operator/websit', 'website', 'BusinessDetails'],
    ['/images/0/thumbnailUrl', 'thumbnail', 'Image'],
    ['/openingTimes/twentyFourSeven', 'twentyfourseven', 'Hours'],
    // OCPI 2.2.1 names of known properties (postal_code, time_zone, ...) are ocpi-name issues: test/core/validation/ocpi-names.test.ts.
  ])('reports a did-you-mean for %s', (path, suggestion, owner) => {
    const result = validator.validateBody(bodyWith(path, 'x'));
    const issue = result.issues.find((candidate) => candidate.code === 'unknown-property');
    expect(issue).toMatchObject({ severity: 'warning', instancePath: path, suggestion, location: 'body' });
    expect(issue?.message).toContain(
      `is not a property of ${owner}; the API ignores it. Did you mean ${suggestion}?`,
    );
    expect(issue?.specPointer).toBe(`/components/schemas/${owner}/properties`);
  });

  it.each(['/colour', '/coordinates/elevation', '/operator/vatNumber'])(
    'reports %s without a suggestion when no name is close',
    (path) => {
      const issue = validator
        .validateBody(bodyWith(path, 'x'))
        .issues.find((i) => i.code === 'unknown-property');
      expect(issue).toMatchObject({ instancePath: path });
      expect(issue).not.toHaveProperty('suggestion');
      expect(issue?.message).not.toContain('Did you mean');
    },
  );

  it('makes an unknown property an error under strict, with its did-you-mean, since the API drops it', () => {
    const result = validator.validateBody(
      { timezone: 'Europe/Helsinki', postcode: '33100' },
      { strict: true },
    );
    expect(result).toMatchObject({ ok: false, errors: 1, warnings: 0 });
    expect(result.issues[0]).toMatchObject({
      severity: 'error',
      code: 'unknown-property',
      instancePath: '/postcode',
      suggestion: 'postalCode',
    });
  });

  it('keeps an unknown property a warning without strict', () => {
    const result = validator.validateBody({ timezone: 'Europe/Helsinki', cordinates: {} });
    expect(result).toMatchObject({ ok: true, errors: 0, warnings: 1 });
    expect(result.issues[0]).toMatchObject({ severity: 'warning', suggestion: 'coordinates' });
  });

  it('reports no unknown property inside chargers and connectors, whose fields eMabler never published', () => {
    const body = {
      timezone: 'Europe/Helsinki',
      chargers: [{ evseId: 'FI*EMB*E1', connector: [{ standard: 'IEC_62196_T2' }] }],
    };
    expect(validator.validateBody(body).issues).toEqual([]);
  });

  it('reports __proto__ as an ordinary unknown property', () => {
    const result = validator.validateBody(
      JSON.parse('{"timezone":"Europe/Helsinki","__proto__":{"polluted":1}}'),
    );
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'unknown-property', instancePath: '/__proto__' }),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('escapes a property name with a slash in the instancePath', () => {
    const [issue] = validator.validateBody({ timezone: 'Europe/Helsinki', 'opening/times': {} }).issues;
    expect(issue?.instancePath).toBe('/opening~1times');
  });
});
