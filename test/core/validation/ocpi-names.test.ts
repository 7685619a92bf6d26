import { describe, expect, it } from 'vitest';
import { mappedObjects, readOcpiMapping } from '../../../src/core/openapi/ocpi-mapping.ts';
import { joinPointer } from '../../../src/core/openapi/pointer.ts';
import { createValidator } from '../../../src/core/validation/validator.ts';
import { bodyWith, spec, usages } from './spec-facts.ts';

const validator = createValidator(spec);
const mapping = readOcpiMapping(spec.doc, spec.operation.bodyPointer);

/** Every property whose OCPI 2.2.1 name differs from eMabler's, at the first body path that reaches it. */
const renamed = mappedObjects(mapping).flatMap((object) =>
  object.fields
    .filter((field) => field.ocpiName !== field.name)
    .map((field) => ({
      field,
      path: joinPointer(usages.get(object.owner)?.[0] ?? '', field.ocpiName),
    })),
);

describe('OCPI names in a body', () => {
  it('knows the OCPI names of the spec, at every depth', () => {
    const paths = renamed.map(({ path }) => path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/postal_code',
        '/time_zone',
        '/energy_mix',
        '/opening_times',
        '/publish_allowed_to',
        '/openingTimes/regular_hours',
        '/openingTimes/regularHours/0/period_begin',
        '/locationEnergyMix/is_green_energy',
        '/publishAllowedTo/0/visual_number',
      ]),
    );
  });

  it.each(renamed)('reports $path with its eMabler name and the consequence', ({ field, path }) => {
    const body = bodyWith(path, 'x', { timezone: 'Europe/Helsinki' });
    const issue = validator.validateBody(body).issues.find((i) => i.instancePath === path);
    expect(issue).toMatchObject({
      severity: 'warning',
      code: 'ocpi-name',
      suggestion: field.name,
      specPointer: joinPointer(field.pointer, 'x-ocpi', 'name'),
      location: 'body',
    });
    expect(issue?.message).toContain(`is the OCPI 2.2.1 name of ${field.name}; the API ignores it, so the`);
    expect(issue?.message).toMatch(/ lost\. Rename it to /);
  });

  it('words the consequence in plain language', () => {
    const [issue] = validator.validateBody({ timezone: 'Europe/Helsinki', postal_code: '00580' }).issues;
    expect(issue?.message).toBe(
      'postal_code is the OCPI 2.2.1 name of postalCode; the API ignores it, so the postal code is lost. Rename it to postalCode',
    );
  });

  it('makes OCPI names and other unknown properties errors under strict', () => {
    const body = { timezone: 'Europe/Helsinki', postal_code: '00580', postcode: '00580' };
    const result = validator.validateBody(body, { strict: true });
    expect(result.issues.map((i) => `${i.severity} ${i.code} ${i.instancePath}`)).toEqual([
      'error ocpi-name /postal_code',
      'error unknown-property /postcode',
    ]);
    expect(result.ok).toBe(false);
  });

  it('reports the OCPI names inside a value the API ignores, each once with how often it recurs', () => {
    const body = {
      timezone: 'Europe/Helsinki',
      opening_times: {
        twentyfourseven: false,
        regular_hours: [1, 2, 3].map((weekday) => ({ weekday, period_begin: '08:00', period_end: '20:00' })),
      },
    };
    const issues = validator.validateBody(body).issues;
    expect(issues.map((i) => i.instancePath)).toEqual([
      '/opening_times',
      '/opening_times/regular_hours',
      '/opening_times/regular_hours/0/period_begin',
      '/opening_times/regular_hours/0/period_end',
    ]);
    expect(issues[2]?.message).toContain('(here and in 2 more places of this value)');
  });

  it('says once that a whole OCPI Location is one, and names from-ocpi', () => {
    const body = {
      country_code: 'FI',
      party_id: 'TLO',
      id: 'LOC1',
      name: 'Ratina',
      time_zone: 'Europe/Helsinki',
      last_updated: '2026-11-30T07:45:00Z',
    };
    const notes = validator.validateBody(body).issues.filter((i) => i.code === 'ocpi-location');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      severity: 'info',
      instancePath: '',
      specPointer: '/components/schemas/Location/x-ocpi',
    });
    expect(notes[0]?.message).toContain(
      'looks like an OCPI 2.2.1 Location (country_code, party_id, id, time_zone, last_updated)',
    );
    expect(notes[0]?.message).toContain('ocpi-location-kit from-ocpi');
  });

  it('recognises an OCPI response envelope', () => {
    const body = { data: [{ id: 'LOC1' }], status_code: 1000, status_message: 'Success' };
    const notes = validator.validateBody(body).issues.filter((i) => i.code === 'ocpi-location');
    expect(notes[0]?.message).toContain('an OCPI 2.2.1 response (data, status_code)');
  });

  it('adds no note for a body with an OCPI name or two', () => {
    const body = { timezone: 'Europe/Helsinki', postal_code: '00580', energy_mix: {} };
    expect(validator.validateBody(body).issues.map((i) => i.code)).not.toContain('ocpi-location');
  });
});
