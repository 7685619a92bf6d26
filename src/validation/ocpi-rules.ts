import { label } from './describe.ts';
import { suggest } from './suggest.ts';
import type { Issue } from './types.ts';

type Json = Record<string, unknown>;

/**
 * The OCPI 2.2.1 rules that relate several fields and so cannot be a JSON Schema keyword under `x-ocpi`.
 * Each issue points at the `x-ocpi` note in openapi.yaml that documents the rule.
 */
export function checkOcpiRules(body: unknown, strict: boolean): Issue[] {
  const found: Found = { issues: [], strict };
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return found.issues;
  const location = body as Json;

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
      '/components/schemas/Location/properties/publishAllowedTo/x-ocpi',
      `publishAllowedTo is only meaningful when publish is false; publish is ${JSON.stringify(location.publish ?? null)}`,
    );
  }
  checkTimezone(location.timezone, found);
  checkHours(location.openingTimes, found);
  checkEnergyMix(location.locationEnergyMix, found);
  return found.issues;
}

/** The issues found so far. The checks are plain functions over it: the validator's hot path calls them for
 * every body, and closures made per call (an `add` callback, `forEach` bodies) cost more than the checks. */
interface Found {
  readonly issues: Issue[];
  readonly strict: boolean;
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
let zoneNames: { name: string }[] | undefined;
// Asking Intl costs ~50 µs per name: remember answers, a bounded number so hostile input cannot grow it.
const knownZones = new Map<string, boolean>();

function isZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 1000) knownZones.set(zone, known);
  }
  return known;
}

/** OCPI 2.2.1 section 8.3.1: time_zone is an IANA tzdata name. Malformed names are left to the pattern rule. */
function checkTimezone(zone: unknown, found: Found): void {
  if (typeof zone !== 'string' || !zonePattern.test(zone) || isZone(zone)) return;
  {
    zoneNames ??= Intl.supportedValuesOf('timeZone').map((name) => ({ name }));
    const guess = suggest(zone, zoneNames);
    const hint = guess ? `; did you mean ${guess}?` : ', e.g. Europe/Helsinki';
    add(
      found,
      'ocpi-timezone',
      '/timezone',
      '/components/schemas/Location/properties/timezone/x-ocpi',
      `timezone "${zone}" is not an IANA time zone${hint}`,
      guess,
    );
  }
}

const hhmm = /^([0-1][0-9]|2[0-3]):[0-5][0-9]$/;

/** OCPI 2.2.1 sections 8.4.14, 8.4.21 and 8.4.11: hours are consistent and every period ends after it begins. */
function checkHours(hours: unknown, found: Found): void {
  if (hours === null || typeof hours !== 'object' || Array.isArray(hours)) return;
  const { twentyfourseven, regularHours, exceptionalOpenings, exceptionalClosings } = hours as Json;
  const hasRegular = Array.isArray(regularHours) && regularHours.length > 0;
  const hoursNote = '/components/schemas/Hours/x-ocpi';
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
      const period = regularHours[i] as Json | null;
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
          '/components/schemas/RegularHours/x-ocpi',
          `${label(path)} ${end} must be after periodBegin ${begin}`,
        );
      }
    }
  }
  checkPeriods('exceptionalOpenings', exceptionalOpenings, found);
  checkPeriods('exceptionalClosings', exceptionalClosings, found);
}

/** OCPI 2.2.1 section 8.4.11: an exceptional period ends after it begins. */
function checkPeriods(name: string, list: unknown, found: Found): void {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const period = list[i] as Json | null;
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
        '/components/schemas/ExceptionalPeriod/x-ocpi',
        `${label(path)} must be after periodBegin`,
      );
    }
  }
}

/** OCPI 2.2.1 section 8.4.7: the energy source percentages add up to 100. */
function checkEnergyMix(mix: unknown, found: Found): void {
  const sources = (mix as Json | null)?.energySources;
  if (!Array.isArray(sources) || sources.length === 0) return;
  let total = 0;
  for (const source of sources) {
    const share = (source as Json | null)?.percentage;
    if (typeof share !== 'number') return;
    total += share;
  }
  if (Math.abs(total - 100) > 0.01) {
    add(
      found,
      'ocpi-energy-mix-total',
      '/locationEnergyMix/energySources',
      '/components/schemas/EnergyMix/x-ocpi',
      `locationEnergyMix.energySources percentages add up to ${Number(total.toFixed(2))}, not 100`,
    );
  }
}
