import { describe, expect, it } from 'vitest';
import { createValidator } from '../../../src/core/validation/validator.ts';
import { spec } from './spec-facts.ts';

const validator = createValidator(spec);

describe('the whole body', () => {
  it('accepts {}', () => {
    const result = validator.validateBody({});
    expect(result).toMatchObject({ ok: true, errors: 0, enumForm: 'none' });
    // OCPI 2.2.1 requires time_zone: advice, not an error.
    expect(result.issues.map((issue) => [issue.severity, issue.code, issue.instancePath])).toEqual([
      ['warning', 'ocpi-required', '/timezone'],
    ]);
  });

  it('reports every error, not just the first, errors before warnings', () => {
    const body = {
      name: 42,
      postcode: '90100',
      coordinates: { latitude: '65.0124', longitude: 25.46816 },
      facilities: ['WIFI', 'SAUNA'],
      operator: { logo: { url: 'https://a.example.fi/l.png', category: 'OPERATOR', width: '256' } },
      openingTimes: {
        twentyfourseven: false,
        regularHours: [{ weekday: '1', periodBegin: '07:00', periodEnd: '21:00' }],
      },
      locationEnergyMix: { energySources: [{ source: 'HYDRO', percentage: 100 }] },
      chargers: [{ connector: [{ standard: { name: 'CCS' } }] }],
    };
    const result = validator.validateBody(body);
    const summary = result.issues.map((issue) => `${issue.severity} ${issue.instancePath}`);
    expect(summary).toEqual([
      'error /name',
      'error /coordinates/longitude',
      'error /operator/logo/width',
      'error /facilities/1',
      'error /openingTimes/regularHours/0/weekday',
      'error /locationEnergyMix/energySources/0/source',
      'error /chargers/0/connector/0/standard',
      'warning /timezone',
      'warning /coordinates/latitude',
      'warning /operator/name',
      'warning /postcode',
    ]);
    expect(result).toMatchObject({ ok: false, errors: 7, warnings: 4 });
  });

  it('lists the first 500 issues of a hostile body and says how many more there are', () => {
    const result = validator.validateBody({ facilities: Array.from({ length: 2000 }, () => 'SAUNA') });
    expect(result.ok).toBe(false);
    expect(result.errors).toBeGreaterThan(500);
    expect(result.issues).toHaveLength(501);
    expect(result.issues.at(-1)).toMatchObject({ severity: 'info', code: 'too-many-issues' });
    expect(result.issues.at(-1)?.message).toMatch(
      /^more than \d+ further issues are not listed; fix these first$/,
    );
  });
});
