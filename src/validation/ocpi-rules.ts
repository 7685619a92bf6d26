import { label } from './describe.ts';
import { suggest } from './suggest.ts';
import type { Issue } from './types.ts';

type Json = Record<string, unknown>;

/**
 * The OCPI 2.2.1 rules that relate several fields and so cannot be a JSON Schema keyword under `x-ocpi`.
 * Each issue points at the `x-ocpi` note in openapi.yaml that documents the rule.
 */
export function checkOcpiRules(body: unknown, strict: boolean): Issue[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [];
  const issues: Issue[] = [];
  const add = (
    code: string,
    instancePath: string,
    specPointer: string,
    message: string,
    suggestion?: string,
  ) => {
    const issue: Issue = { severity: strict ? 'error' : 'warning', code, instancePath, specPointer, message };
    if (suggestion) issue.suggestion = suggestion;
    issue.location = 'body';
    issues.push(issue);
  };
  const location = body as Json;

  // OCPI 2.2.1 section 8.3.1: publish_allowed_to may only be set when publish is false.
  if (
    Array.isArray(location.publishAllowedTo) &&
    location.publishAllowedTo.length > 0 &&
    location.publish !== false
  ) {
    add(
      'ocpi-publish-allowed-to',
      '/publishAllowedTo',
      '/components/schemas/Location/properties/publishAllowedTo/x-ocpi',
      `publishAllowedTo is only meaningful when publish is false; publish is ${JSON.stringify(location.publish ?? null)}`,
    );
  }
  checkTimezone(location.timezone, add);
  checkHours(location.openingTimes, add);
  checkEnergyMix(location.locationEnergyMix, add);
  return issues;
}

type Add = (
  code: string,
  instancePath: string,
  specPointer: string,
  message: string,
  suggestion?: string,
) => void;

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
function checkTimezone(zone: unknown, add: Add): void {
  if (typeof zone !== 'string' || !zonePattern.test(zone) || isZone(zone)) return;
  {
    zoneNames ??= Intl.supportedValuesOf('timeZone').map((name) => ({ name }));
    const guess = suggest(zone, zoneNames);
    const hint = guess ? `; did you mean ${guess}?` : ', e.g. Europe/Helsinki';
    add(
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
function checkHours(hours: unknown, add: Add): void {
  if (hours === null || typeof hours !== 'object' || Array.isArray(hours)) return;
  const { twentyfourseven, regularHours, exceptionalOpenings, exceptionalClosings } = hours as Json;
  const hasRegular = Array.isArray(regularHours) && regularHours.length > 0;
  const hoursNote = '/components/schemas/Hours/x-ocpi';
  if (twentyfourseven === true && hasRegular) {
    add(
      'ocpi-regular-hours-with-247',
      '/openingTimes/regularHours',
      hoursNote,
      'regularHours must be empty when twentyfourseven is true',
    );
  }
  if (twentyfourseven === false && !hasRegular) {
    add(
      'ocpi-regular-hours-missing',
      '/openingTimes/regularHours',
      hoursNote,
      'regularHours needs at least one period when twentyfourseven is false',
    );
  }
  if (Array.isArray(regularHours)) {
    regularHours.forEach((period: Json | null, i) => {
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
          'ocpi-period-order',
          path,
          '/components/schemas/RegularHours/x-ocpi',
          `${label(path)} ${end} must be after periodBegin ${begin}`,
        );
      }
    });
  }
  for (const [name, list] of [
    ['exceptionalOpenings', exceptionalOpenings],
    ['exceptionalClosings', exceptionalClosings],
  ] as const) {
    if (!Array.isArray(list)) continue;
    list.forEach((period: Json | null, i) => {
      const rawBegin = period?.periodBegin;
      const rawEnd = period?.periodEnd;
      // Same-shaped UTC times order as strings: parse only when the strings say the end is not later.
      if (typeof rawBegin !== 'string' || typeof rawEnd !== 'string' || rawEnd > rawBegin) return;
      const begin = Date.parse(rawBegin);
      const end = Date.parse(rawEnd);
      if (!Number.isNaN(begin) && !Number.isNaN(end) && end <= begin) {
        const path = `/openingTimes/${name}/${i}/periodEnd`;
        add(
          'ocpi-period-order',
          path,
          '/components/schemas/ExceptionalPeriod/x-ocpi',
          `${label(path)} must be after periodBegin`,
        );
      }
    });
  }
}

/** OCPI 2.2.1 section 8.4.7: the energy source percentages add up to 100. */
function checkEnergyMix(mix: unknown, add: Add): void {
  const sources = (mix as Json | null)?.energySources;
  if (!Array.isArray(sources) || sources.length === 0) return;
  const shares = sources.map((source: Json | null) => source?.percentage);
  if (!shares.every((share) => typeof share === 'number')) return;
  const total = (shares as number[]).reduce((sum, share) => sum + share, 0);
  if (Math.abs(total - 100) > 0.01) {
    add(
      'ocpi-energy-mix-total',
      '/locationEnergyMix/energySources',
      '/components/schemas/EnergyMix/x-ocpi',
      `locationEnergyMix.energySources percentages add up to ${Number(total.toFixed(2))}, not 100`,
    );
  }
}
