import type { components } from '../../generated/openapi.ts';
import { label } from './describe.ts';
import type { Candidate, Suggester } from './suggest.ts';
import type { Issue } from './types.ts';

type Schemas = components['schemas'];
/** A body not yet known to be valid, read through the generated types: a renamed property breaks the build. */
type Loose<T> = { readonly [K in keyof T]?: unknown };

/** The `x-ocpi` note of a schema or of one of its properties, named through the generated types. */
function note<S extends keyof Schemas>(schema: S, property?: keyof Schemas[S] & string): string {
  return `/components/schemas/${schema}${property ? `/properties/${property}` : ''}/x-ocpi`;
}

/** Checks a body against the cross-field OCPI rules; see `createOcpiRules`. */
export type OcpiRules = (body: unknown, strict: boolean) => Issue[];

/**
 * The OCPI 2.2.1 rules that relate several fields and so cannot be a JSON Schema keyword under `x-ocpi`.
 * Each issue points at the `x-ocpi` note in openapi.yaml that documents the rule. What it learns about time
 * zones it keeps for its own validator.
 */
export function createOcpiRules(suggest: Suggester): OcpiRules {
  const zones: Zones = { known: new Map(), names: undefined, suggest };
  return (body, strict) => {
    const found: Found = { issues: [], strict, zones };
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return found.issues;
    checkLocation(body as Loose<Schemas['Location']>, found);
    return found.issues;
  };
}

function checkLocation(location: Loose<Schemas['Location']>, found: Found): void {
  // OCPI 2.2.1 section 8.3.1: publish_allowed_to may only be set when publish is false.
  if (
    Array.isArray(location.publishAllowedTo) &&
    location.publishAllowedTo.length > 0 &&
    location.publish !== false
  ) {
    add(
      found,
      'ocpi-publish-allowed-to',
      '/publishAllowedTo',
      note('Location', 'publishAllowedTo'),
      `publishAllowedTo is only meaningful when publish is false; publish is ${JSON.stringify(location.publish ?? null)}`,
    );
  }
  checkTimezone(location.timezone, found);
  checkHours(location.openingTimes, found);
  checkEnergyMix(location.locationEnergyMix, found);
}

/** The issues found so far. The checks are plain functions over it: the validator's hot path calls them for
 * every body, and closures made per call (an `add` callback, `forEach` bodies) cost more than the checks. */
interface Found {
  readonly issues: Issue[];
  readonly strict: boolean;
  readonly zones: Zones;
}

/** What the rules remember about time zones: asking Intl costs ~50 µs per name. */
interface Zones {
  /** Answers so far, a bounded number so hostile input cannot grow it. */
  readonly known: Map<string, boolean>;
  names: Candidate[] | undefined;
  readonly suggest: Suggester;
}

function add(
  found: Found,
  code: string,
  instancePath: string,
  specPointer: string,
  message: string,
  suggestion?: string,
): void {
  const issue: Issue = {
    severity: found.strict ? 'error' : 'warning',
    code,
    instancePath,
    specPointer,
    message,
  };
  if (suggestion) issue.suggestion = suggestion;
  issue.location = 'body';
  found.issues.push(issue);
}

const zonePattern = /^[A-Za-z]+(?:[_-][A-Za-z]+)*(?:\/[A-Za-z0-9_+-]+){0,2}$/;

function isZone(zone: string, zones: Zones): boolean {
  let known = zones.known.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (zones.known.size < 1000) zones.known.set(zone, known);
  }
  return known;
}

/** OCPI 2.2.1 section 8.3.1: time_zone is an IANA tzdata name. Malformed names are left to the pattern rule. */
function checkTimezone(zone: unknown, found: Found): void {
  if (typeof zone !== 'string' || !zonePattern.test(zone) || isZone(zone, found.zones)) return;
  {
    const { zones } = found;
    zones.names ??= Intl.supportedValuesOf('timeZone').map((name) => ({ name }));
    const guess = zones.suggest(zone, zones.names);
    const hint = guess ? `; did you mean ${guess}?` : ', e.g. Europe/Helsinki';
    add(
      found,
      'ocpi-timezone',
      '/timezone',
      note('Location', 'timezone'),
      `timezone "${zone}" is not an IANA time zone${hint}`,
      guess,
    );
  }
}

const hhmm = /^([0-1][0-9]|2[0-3]):[0-5][0-9]$/;

/** OCPI 2.2.1 sections 8.4.14, 8.4.21 and 8.4.11: hours are consistent and every period ends after it begins. */
function checkHours(hours: unknown, found: Found): void {
  if (hours === null || typeof hours !== 'object' || Array.isArray(hours)) return;
  const { twentyfourseven, regularHours, exceptionalOpenings, exceptionalClosings } = hours as Loose<
    Schemas['Hours']
  >;
  const hasRegular = Array.isArray(regularHours) && regularHours.length > 0;
  const hoursNote = note('Hours');
  if (twentyfourseven === true && hasRegular) {
    add(
      found,
      'ocpi-regular-hours-with-247',
      '/openingTimes/regularHours',
      hoursNote,
      'regularHours must be empty when twentyfourseven is true',
    );
  }
  if (twentyfourseven === false && !hasRegular) {
    add(
      found,
      'ocpi-regular-hours-missing',
      '/openingTimes/regularHours',
      hoursNote,
      'regularHours needs at least one period when twentyfourseven is false',
    );
  }
  if (Array.isArray(regularHours)) {
    for (let i = 0; i < regularHours.length; i++) {
      const period = regularHours[i] as Loose<Schemas['RegularHours']> | null;
      const begin = period?.periodBegin;
      const end = period?.periodEnd;
      if (
        typeof begin === 'string' &&
        typeof end === 'string' &&
        end <= begin &&
        hhmm.test(begin) &&
        hhmm.test(end)
      ) {
        const path = `/openingTimes/regularHours/${i}/periodEnd`;
        add(
          found,
          'ocpi-period-order',
          path,
          note('RegularHours'),
          `${label(path)} ${end} must be after periodBegin ${begin}`,
        );
      }
    }
  }
  checkPeriods('exceptionalOpenings', exceptionalOpenings, found);
  checkPeriods('exceptionalClosings', exceptionalClosings, found);
}

/** OCPI 2.2.1 section 8.4.11: an exceptional period ends after it begins. */
function checkPeriods(
  name: keyof Schemas['Hours'] & ('exceptionalOpenings' | 'exceptionalClosings'),
  list: unknown,
  found: Found,
): void {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const period = list[i] as Loose<Schemas['ExceptionalPeriod']> | null;
    const rawBegin = period?.periodBegin;
    const rawEnd = period?.periodEnd;
    // Same-shaped UTC times order as strings: parse only when the strings say the end is not later.
    if (typeof rawBegin !== 'string' || typeof rawEnd !== 'string' || rawEnd > rawBegin) continue;
    const begin = Date.parse(rawBegin);
    const end = Date.parse(rawEnd);
    if (!Number.isNaN(begin) && !Number.isNaN(end) && end <= begin) {
      const path = `/openingTimes/${name}/${i}/periodEnd`;
      add(
        found,
        'ocpi-period-order',
        path,
        note('ExceptionalPeriod'),
        `${label(path)} must be after periodBegin`,
      );
    }
  }
}

/** OCPI 2.2.1 section 8.4.7: the energy source percentages add up to 100. */
function checkEnergyMix(mix: unknown, found: Found): void {
  const sources = (mix as Loose<Schemas['EnergyMix']> | null)?.energySources;
  if (!Array.isArray(sources) || sources.length === 0) return;
  let total = 0;
  for (const source of sources) {
    const share = (source as Loose<Schemas['EnergySource']> | null)?.percentage;
    if (typeof share !== 'number') return;
    total += share;
  }
  if (Math.abs(total - 100) > 0.01) {
    add(
      found,
      'ocpi-energy-mix-total',
      '/locationEnergyMix/energySources',
      note('EnergyMix'),
      `locationEnergyMix.energySources percentages add up to ${Number(total.toFixed(2))}, not 100`,
    );
  }
}
