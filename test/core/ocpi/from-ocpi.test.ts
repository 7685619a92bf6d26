import { describe, expect, it } from 'vitest';
import { readOcpiInput } from '../../../src/core/ocpi/read-ocpi-input.ts';
import { getAtPointer } from '../../../src/core/openapi/pointer.ts';
import { createValidator } from '../../../src/core/validation/validator.ts';
import { fromOcpiLocation } from '../../../src/index.ts';
import { allKeys, convertible, corpus, mappableLeaves, mapping, spec } from './ocpi-corpus.ts';

const validator = createValidator(spec);
type Json = Record<string, unknown>;

const locations = convertible.flatMap(({ file, text }) => {
  const input = readOcpiInput(text);
  if (!input.ok) throw new Error(`${file}: ${input.message}`);
  return input.locations.map((location, i) => ({ name: `${file} #${i + 1}`, location: location as Json }));
});

describe('fromOcpiLocation over the OCPI 2.2.1 corpus', () => {
  it('holds the kinds of location the issue asks for', () => {
    const files = corpus.map(({ file }) => file);
    for (const kind of [
      'opening-hours',
      'limited-visibility',
      'home-charger',
      'full-energy-mix',
      'exceptional-closing',
    ])
      expect(
        files.some((file) => file.startsWith('location-') && file.includes(kind)),
        kind,
      ).toBe(true);
    expect(files.some((file) => file.startsWith('envelope-'))).toBe(true);
    expect(files.some((file) => file.endsWith('.ndjson'))).toBe(true);
    expect(files.filter((file) => /^(broken|unparsable)-/.test(file)).length).toBeGreaterThanOrEqual(3);
    expect(locations.length).toBeGreaterThanOrEqual(10);
  });

  it.each(locations)('carries every mappable field of $name over, at every depth', ({ location }) => {
    const { body } = fromOcpiLocation(location, { validator });
    const leaves = mappableLeaves(location);
    expect(leaves.length).toBeGreaterThan(8);
    for (const [from, to, value] of leaves) expect(getAtPointer(body, to), `${from} -> ${to}`).toEqual(value);
  });

  it.each(locations)('leaves no snake_case key in the body of $name', ({ location }) => {
    const { body } = fromOcpiLocation(location, { validator });
    const keys = allKeys(body).filter(([, key]) => !/^[a-z][A-Za-z0-9]*$/.test(key));
    expect(keys).toEqual([]);
  });

  it.each(locations)(
    'makes a body of $name that validates without errors, even under strict',
    ({ location }) => {
      const result = fromOcpiLocation(location, { validator, strict: true });
      expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
      expect(result.ok).toBe(true);
      expect(validator.validateBody(result.body, { strict: true }).issues).toEqual(result.issues);
    },
  );

  it.each(locations)('names each dropped field of $name with its reason', ({ location }) => {
    const { dropped } = fromOcpiLocation(location, { validator });
    const unmapped = Object.keys(location).filter((key) => !mapping.byOcpiName.has(key));
    expect(dropped.map((field) => field.path)).toEqual(unmapped.map((key) => `/${key}`));
    for (const field of dropped) {
      // The corpus holds only OCPI 2.2.1 fields, so each reason is the one openapi.yaml gives (x-ocpi.dropped).
      const reason = mapping.dropped.get(field.field);
      expect(reason, field.field).toBeDefined();
      expect(field.reason.startsWith(reason ?? '-')).toBe(true);
    }
    if ('evses' in location)
      expect(dropped.find((field) => field.field === 'evses')?.reason).toContain(
        "eMabler adds the site's chargers itself unless excludeChargers=true",
      );
  });

  it('keeps what the acceptance checks: name, place, parking, time zone, hours and visibility', () => {
    for (const { location } of locations) {
      const { body } = fromOcpiLocation(location, { validator });
      expect(body.name).toBe(location.name);
      expect(body.coordinates).toEqual(location.coordinates);
      expect(body.postalCode).toBe(location.postal_code);
      expect(body.parkingType).toBe(location.parking_type);
      expect(body.timezone).toBe(location.time_zone);
      const hours = (location.opening_times as Json | undefined)?.regular_hours as unknown[] | undefined;
      expect((body.openingTimes as Json | undefined)?.regularHours ?? []).toHaveLength(hours?.length ?? 0);
      const allowed = location.publish_allowed_to as unknown[] | undefined;
      expect(body.publishAllowedTo ?? []).toHaveLength(allowed?.length ?? 0);
    }
  });

  it('keeps the energy mix with its sources, impacts, names and isGreenEnergy', () => {
    const full = locations.find(({ name }) => name.includes('full-energy-mix'));
    const { body } = fromOcpiLocation(full?.location, { validator });
    expect(body.locationEnergyMix).toEqual({
      isGreenEnergy: false,
      energySources: [
        { source: 'GENERAL_GREEN', percentage: 35.9 },
        { source: 'GAS', percentage: 6.3 },
        { source: 'COAL', percentage: 33.2 },
        { source: 'GENERAL_FOSSIL', percentage: 2.9 },
        { source: 'NUCLEAR', percentage: 21.7 },
      ],
      environImpact: [
        { category: 'NUCLEAR_WASTE', amount: 0.0006 },
        { category: 'CARBON_DIOXIDE', amount: 372 },
      ],
      supplierName: 'Tampereen Sähkölaitos',
      energyProductName: 'Perussähkö',
    });
  });

  it('orders the body as the spec lists its properties', () => {
    const { body } = fromOcpiLocation(locations[0]?.location, { validator });
    const order = mapping.fields.map((field) => field.name);
    const keys = Object.keys(body);
    expect(keys).toEqual(order.filter((name) => keys.includes(name)));
  });

  it('drops a null with its reason instead of sending it', () => {
    const result = fromOcpiLocation(
      { name: 'X', time_zone: 'Europe/Helsinki', postal_code: null },
      { validator },
    );
    expect(result.body).toEqual({ name: 'X', timezone: 'Europe/Helsinki' });
    expect(result.dropped).toEqual([
      { path: '/postal_code', field: 'postal_code', reason: 'null: there is no value to carry over' },
    ]);
  });

  it('drops unknown fields at any depth and says an eMabler name is not an OCPI one', () => {
    const result = fromOcpiLocation(
      {
        time_zone: 'Europe/Helsinki',
        postalCode: '00580',
        opening_times: { twentyfourseven: true, note: 'x' },
      },
      { validator },
    );
    expect(result.body).toEqual({ timezone: 'Europe/Helsinki', openingTimes: { twentyfourseven: true } });
    expect(result.dropped.map((field) => `${field.path}: ${field.reason}`)).toEqual([
      '/postalCode: "postalCode" is eMabler\'s name; OCPI 2.2.1 calls it postal_code',
      "/opening_times/note: not a field of OCPI 2.2.1 that eMabler's Hours has",
    ]);
  });

  it('reports schema errors of a broken location as issues, and a value that is not an object as one error', () => {
    const broken = corpus.find(({ file }) => file.startsWith('broken-coordinates'));
    const result = fromOcpiLocation(JSON.parse(broken?.text ?? '{}'), { validator });
    expect(result.ok).toBe(false);
    expect(result.issues.filter((i) => i.severity === 'error').map((i) => i.instancePath)).toEqual([
      '/coordinates/latitude',
      '/coordinates/longitude',
      '/parkingType',
    ]);
    const notObject = fromOcpiLocation('LOC1', { validator });
    expect(notObject).toMatchObject({ ok: false, body: {}, dropped: [] });
    expect(notObject.issues[0]?.message).toBe('an OCPI Location is a JSON object; got a string');
  });

  it('uses the project spec when no validator is given', () => {
    expect(fromOcpiLocation({ time_zone: 'Europe/Helsinki' })).toMatchObject({
      ok: true,
      body: { timezone: 'Europe/Helsinki' },
    });
  });
});
