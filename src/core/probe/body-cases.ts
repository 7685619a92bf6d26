import type { BodyBuilder } from './body-builder.ts';
import { pick, type Random } from './random.ts';
import { type BodyPath, pathName, type Site } from './schema-sites.ts';
import type { BrokenRule, CaseBody, ProbeCase } from './types.ts';

type Json = Record<string, unknown>;

/** A body case: valid credentials, a known integration, no query, JSON unless said otherwise. */
export function bodyCase(
  name: string,
  body: CaseBody,
  broken?: { breaks: string; rule: BrokenRule },
): ProbeCase {
  return {
    name,
    kind: broken ? 'negative' : 'positive',
    breaks: broken?.breaks ?? 'nothing',
    expected: broken ? 400 : 200,
    auth: 'valid',
    integration: 'known',
    query: [],
    body,
    rules: broken ? [broken.rule] : [],
  };
}

const json = (value: unknown): CaseBody => ({ kind: 'json', value });

/** Strings a provider may mishandle, each valid wherever the schema asks for a plain string. */
function awkwardStrings(maxLength: number): [string, CaseBody | string][] {
  return [
    ['empty', ''],
    [`long-${maxLength}`, 'Lataus '.repeat(Math.ceil(maxLength / 7)).slice(0, maxLength)],
    ['non-ascii', 'Hatanpään Ääkköskeskus Öljytie'],
    ['emoji', '⚡ Lataus 🚗🔌'],
    ['cjk-and-rtl', '充电站 محطة شحن'],
    // Hand-escaped JSON: quotes, a backslash, an escaped solidus and \u escapes of printable characters.
    ['escaped', { kind: 'text', text: '{"name":"Caf\\u00e9 \\"Kulma\\" \\\\ A\\/B \\u26a1"}' }],
  ];
}

/** The valid bodies: examples, the empty ones, every property once, nullables, every enum value in both forms. */
export function positiveBodyCases(
  sites: readonly Site[],
  build: BodyBuilder,
  examples: Record<string, unknown>,
  random: Random,
): ProbeCase[] {
  const cases: ProbeCase[] = [];
  for (const [name, value] of Object.entries(examples)) cases.push(bodyCase(`example:${name}`, json(value)));
  cases.push(bodyCase('empty-object', json({})));
  cases.push(bodyCase('no-body', { kind: 'none' }));
  for (const site of sites.filter((s) => s.path.length === 1)) {
    const name = site.path[0] as string;
    cases.push(bodyCase(`property:${name}`, json(build.bodyWith(site.path, build.sample(site.path)))));
  }
  for (const site of sites.filter((s) => s.nullable))
    cases.push(bodyCase(`null:${pathName(site.path)}`, json(build.bodyWith(site.path, null))));
  const stringSite = sites.find(
    (s) => s.path.length === 1 && s.kind === 'scalar' && s.type === 'string' && !s.format,
  );
  if (stringSite?.kind === 'scalar') {
    for (const [label, value] of awkwardStrings(stringSite.adviceMaxLength ?? 1000)) {
      const body = typeof value === 'string' ? json(build.bodyWith(stringSite.path, value)) : value;
      cases.push(bodyCase(`string:${pathName(stringSite.path)}=${label}`, body));
    }
  }
  cases.push(...enumCases(sites, build));
  for (let i = 1; i <= 5; i++) cases.push(bodyCase(`random:${i}`, json(randomBody(sites, build, random))));
  return cases;
}

/** Every value of each enum in both forms at its first site; one of each form at the others. */
function enumCases(sites: readonly Site[], build: BodyBuilder): ProbeCase[] {
  const cases: ProbeCase[] = [];
  const seen = new Set<string>();
  for (const site of sites) {
    if (site.kind !== 'enum') continue;
    const first = !seen.has(site.pointer);
    seen.add(site.pointer);
    if (site.inArray) {
      // An array of enum values (facilities): all names in one body, all indexes in another.
      const arrayPath = site.path.slice(0, -1);
      const where = pathName(arrayPath);
      cases.push(bodyCase(`enum:${where}=all-names`, json(build.bodyWith(arrayPath, [...site.names]))));
      if (site.numbers.length > 0)
        cases.push(bodyCase(`enum:${where}=all-indexes`, json(build.bodyWith(arrayPath, [...site.numbers]))));
      continue;
    }
    const values: (string | number)[] = first
      ? [...site.names, ...site.numbers]
      : [site.names[site.names.length - 1], site.numbers[site.numbers.length - 1]].filter(
          (v): v is string | number => v !== undefined,
        );
    for (const value of values)
      cases.push(bodyCase(`enum:${pathName(site.path)}=${value}`, json(build.bodyWith(site.path, value))));
  }
  return cases;
}

/** A body of random top-level properties from the example, its enums drawn at random in one form. */
function randomBody(sites: readonly Site[], build: BodyBuilder, random: Random): Json {
  const body: Json = {};
  const useNames = random() < 0.5;
  for (const site of sites.filter((s) => s.path.length === 1))
    if (random() < 0.5) body[site.path[0] as string] = build.sample(site.path);
  for (const site of sites) {
    if (site.kind !== 'enum' || site.inArray) continue;
    const choices: readonly (string | number)[] =
      useNames || site.numbers.length === 0 ? site.names : site.numbers;
    if (choices.length > 0) setIfPresent(body, site.path, pick(random, choices));
  }
  return body;
}

/** Replaces the value at a path only when the body already has one there (no container is created). */
function setIfPresent(body: Json, path: BodyPath, value: unknown): void {
  let node: unknown = body;
  for (let i = 0; i < path.length - 1; i++) {
    if (node === null || typeof node !== 'object') return;
    node = (node as Record<string | number, unknown>)[path[i] as string | number];
  }
  const last = path[path.length - 1] as string | number;
  if (node !== null && typeof node === 'object' && last in node)
    (node as Record<string | number, unknown>)[last] = value;
}

/** The same case with the answer left open: `status` is as correct as the expected one, outside strict probing. */
export function leftOpen(probeCase: ProbeCase, why: string): ProbeCase {
  return { ...probeCase, open: { status: probeCase.expected === 400 ? 200 : 400, why } };
}

/** Why a `format` case is left open. */
export const formatIsAnnotation =
  'a format is an annotation in JSON Schema 2020-12; a provider need not assert it';

/** Why a case about the JSON text or the media type is left open. */
export const hardeningIsOurs =
  "the spec's JSON-text hardening and media-type leniency are this project's choices; a provider may differ";
