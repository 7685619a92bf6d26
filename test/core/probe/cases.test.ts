import { describe, expect, it } from 'vitest';
import { deriveCases } from '../../../src/core/probe/cases.ts';
import { createValidator } from '../../../src/core/validation/validator.ts';

const validator = createValidator();
const { cases, unconfirmed } = deriveCases(validator, { apiKey: 'k' }, 1);
const named = (name: string) => cases.find((c) => c.name === name);

describe('deriveCases', () => {
  it('derives every case the validator confirms and none it does not', () => {
    expect(unconfirmed).toEqual([]);
    expect(cases.length).toBeGreaterThan(300);
  });

  it('sends every enum value as a name and as an index at its first site', () => {
    for (const value of ['ALONG_MOTORWAY', 'UNKNOWN', 0, 7])
      expect(named(`enum:parkingType=${value}`)?.body).toEqual({
        kind: 'json',
        value: { parkingType: value },
      });
    expect(named('enum:facilities=all-indexes')?.body).toEqual({
      kind: 'json',
      value: { facilities: Array.from({ length: 20 }, (_, i) => i) },
    });
  });

  it('breaks one rule at a time and names where', () => {
    const nested = named('enum:locationEnergyMix.energySources[0].source=unknown-name');
    expect(nested?.expected).toBe(400);
    expect(nested?.rules).toEqual([
      { where: 'body', code: 'enum', instancePath: '/locationEnergyMix/energySources/0/source' },
    ]);
    expect(named('type:name')?.body).toEqual({ kind: 'json', value: { name: 42 } });
  });

  it('expects 401 before 404 before 400, as the spec orders the checks', () => {
    expect(named('auth:none+unknown-integration')?.expected).toBe(401);
    expect(named('integration:unknown+invalid-body')?.expected).toBe(404);
    expect(named('query:bad+invalid-body')?.expected).toBe(400);
  });

  it('sends null where the schema allows it and expects 400 where it does not', () => {
    expect(named('null:parkingType')?.expected).toBe(200);
    expect(named('null:publish')?.expected).toBe(200);
    expect(named('not-null:name')?.expected).toBe(400);
  });

  it('derives the same cases from the same seed and other random bodies from another', () => {
    const again = deriveCases(validator, { apiKey: 'k' }, 1).cases;
    const other = deriveCases(validator, { apiKey: 'k' }, 2).cases;
    expect(again).toEqual(cases);
    expect(other.filter((c) => c.name.startsWith('random:'))).not.toEqual(
      cases.filter((c) => c.name.startsWith('random:')),
    );
  });

  it('adds the v1 cases only for v1 credentials', () => {
    expect(named('auth:unknown-client')).toBeUndefined();
    const v1 = deriveCases(validator, { code: 'c', clientId: 'x' }, 1).cases;
    expect(v1.find((c) => c.name === 'auth:unknown-client')?.expected).toBe(404);
  });
});
