import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createValidator } from '../../../src/core/validation/validator.ts';
import { ocpiNotes, resolves, spec } from './spec-facts.ts';

const validator = createValidator(spec);

const hoursWith = (hours: Record<string, unknown>) => ({ timezone: 'Europe/Helsinki', openingTimes: hours });
const period = (periodBegin: string, periodEnd: string) => ({ periodBegin, periodEnd });

/** Cross-field rules (ocpi-rules.ts): a breaching body, and one that follows the rule. */
const crossField: Array<{
  name: string;
  code: string;
  instancePath: string;
  breaking: unknown;
  following: unknown;
}> = [
  {
    name: 'publishAllowedTo with publish true',
    code: 'ocpi-publish-allowed-to',
    instancePath: '/publishAllowedTo',
    breaking: { timezone: 'Europe/Helsinki', publish: true, publishAllowedTo: [{ groupId: 'RESIDENTS' }] },
    following: { timezone: 'Europe/Helsinki', publish: false, publishAllowedTo: [{ groupId: 'RESIDENTS' }] },
  },
  {
    name: 'publishAllowedTo without publish',
    code: 'ocpi-publish-allowed-to',
    instancePath: '/publishAllowedTo',
    breaking: { timezone: 'Europe/Helsinki', publishAllowedTo: [{ groupId: 'RESIDENTS' }] },
    following: { timezone: 'Europe/Helsinki', publishAllowedTo: [] },
  },
  {
    name: 'a time zone that is not in the IANA database',
    code: 'ocpi-timezone',
    instancePath: '/timezone',
    breaking: { timezone: 'Europe/Tampere' },
    following: { timezone: 'Europe/Mariehamn' },
  },
  {
    name: 'regularHours with twentyfourseven',
    code: 'ocpi-regular-hours-with-247',
    instancePath: '/openingTimes/regularHours',
    breaking: hoursWith({
      twentyfourseven: true,
      regularHours: [{ weekday: 1, ...period('08:00', '20:00') }],
    }),
    following: hoursWith({ twentyfourseven: true, regularHours: [] }),
  },
  {
    name: 'no regularHours without twentyfourseven',
    code: 'ocpi-regular-hours-missing',
    instancePath: '/openingTimes/regularHours',
    breaking: hoursWith({ twentyfourseven: false }),
    following: hoursWith({
      twentyfourseven: false,
      regularHours: [{ weekday: 7, ...period('10:00', '18:00') }],
    }),
  },
  {
    name: 'a regular period that ends before it begins',
    code: 'ocpi-period-order',
    instancePath: '/openingTimes/regularHours/1/periodEnd',
    breaking: hoursWith({
      twentyfourseven: false,
      regularHours: [
        { weekday: 1, ...period('07:00', '22:00') },
        { weekday: 2, ...period('22:00', '07:00') },
      ],
    }),
    following: hoursWith({
      twentyfourseven: false,
      regularHours: [{ weekday: 2, ...period('00:00', '23:59') }],
    }),
  },
  {
    name: 'a regular period that ends when it begins',
    code: 'ocpi-period-order',
    instancePath: '/openingTimes/regularHours/0/periodEnd',
    breaking: hoursWith({
      twentyfourseven: false,
      regularHours: [{ weekday: 3, ...period('12:00', '12:00') }],
    }),
    following: hoursWith({
      twentyfourseven: false,
      regularHours: [{ weekday: 3, ...period('12:00', '12:01') }],
    }),
  },
  {
    name: 'an exceptional opening that ends before it begins',
    code: 'ocpi-period-order',
    instancePath: '/openingTimes/exceptionalOpenings/0/periodEnd',
    breaking: hoursWith({
      twentyfourseven: true,
      exceptionalOpenings: [period('2026-12-06T16:00:00Z', '2026-12-06T08:00:00Z')],
    }),
    following: hoursWith({
      twentyfourseven: true,
      exceptionalOpenings: [period('2026-12-06T08:00:00Z', '2026-12-06T16:00:00Z')],
    }),
  },
  {
    name: 'an exceptional closing that ends before it begins',
    code: 'ocpi-period-order',
    instancePath: '/openingTimes/exceptionalClosings/0/periodEnd',
    breaking: hoursWith({
      twentyfourseven: true,
      exceptionalClosings: [period('2026-12-25T22:00:00Z', '2026-12-24T18:00:00Z')],
    }),
    following: hoursWith({
      twentyfourseven: true,
      exceptionalClosings: [period('2026-12-24T18:00:00Z', '2026-12-25T22:00:00Z')],
    }),
  },
  {
    name: 'energy source percentages that do not add up to 100',
    code: 'ocpi-energy-mix-total',
    instancePath: '/locationEnergyMix/energySources',
    breaking: {
      timezone: 'Europe/Helsinki',
      locationEnergyMix: {
        energySources: [
          { source: 'WIND', percentage: 60 },
          { source: 'WATER', percentage: 30 },
        ],
      },
    },
    following: {
      timezone: 'Europe/Helsinki',
      locationEnergyMix: {
        energySources: [
          { source: 'GENERAL_GREEN', percentage: 35.4 },
          { source: 'GAS', percentage: 6.3 },
          { source: 'COAL', percentage: 33.2 },
          { source: 'GENERAL_FOSSIL', percentage: 2.9 },
          { source: 'NUCLEAR', percentage: 22.2 },
        ],
      },
    },
  },
];

describe('cross-field OCPI rules', () => {
  it('covers every rule code of ocpi-rules.ts', () => {
    const source = readFileSync(
      new URL('../../../src/core/validation/ocpi-rules.ts', import.meta.url),
      'utf8',
    );
    const codes = new Set(source.match(/'ocpi-[a-z0-9-]+'/g)?.map((code) => code.slice(1, -1)));
    expect(new Set(crossField.map((rule) => rule.code))).toEqual(codes);
  });

  it.each(crossField)('reports $name as a warning by default and an error under strict', (rule) => {
    const lenient = validator.validateBody(rule.breaking);
    expect(lenient.ok).toBe(true);
    const found = lenient.issues.find((issue) => issue.code === rule.code);
    expect(found).toMatchObject({ severity: 'warning', instancePath: rule.instancePath, location: 'body' });
    expect(found?.specPointer).toMatch(/\/x-ocpi$/);
    expect(ocpiNotes).toContain(found?.specPointer);

    const strict = validator.validateBody(rule.breaking, { strict: true });
    expect(strict.ok).toBe(false);
    expect(strict.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', code: rule.code, instancePath: rule.instancePath }),
    );
  });

  it.each(crossField)('reports nothing for $name once the body follows the rule', (rule) => {
    const result = validator.validateBody(rule.following, { strict: true });
    expect(result.issues).toEqual([]);
  });

  it('suggests the closest IANA zone for a misspelt time zone', () => {
    const [issue] = validator.validateBody({ timezone: 'Europe/Helsinky' }).issues;
    expect(issue).toMatchObject({ code: 'ocpi-timezone', suggestion: 'Europe/Helsinki' });
    expect(issue?.message).toContain('did you mean Europe/Helsinki?');
  });

  it('says the total of an energy mix that does not add up', () => {
    const [issue] = validator.validateBody(crossField.at(-1)?.breaking).issues;
    expect(issue?.message).toBe('locationEnergyMix.energySources percentages add up to 90, not 100');
  });

  it('points every cross-field rule at an x-ocpi note that exists', () => {
    for (const rule of crossField) {
      for (const issue of validator.validateBody(rule.breaking).issues)
        expect(resolves(issue.specPointer)).toBe(true);
    }
  });
});
