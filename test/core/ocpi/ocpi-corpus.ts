/** The OCPI 2.2.1 corpus of test/fixtures/ocpi and what the spec's mapping says about it. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type OcpiObject, readOcpiMapping } from '../../../src/core/openapi/ocpi-mapping.ts';
import { joinPointer } from '../../../src/core/openapi/pointer.ts';
import { loadSpec } from '../../../src/node/load-spec.ts';

type Json = Record<string, unknown>;

/** The project's spec. */
export const spec = loadSpec();
/** Its OCPI mapping (x-ocpi annotations), rooted at the addLocation body. */
export const mapping = readOcpiMapping(spec.doc, spec.operation.bodyPointer);
/** The folder of the corpus. */
export const ocpiDir = fileURLToPath(new URL('../../fixtures/ocpi/', import.meta.url));

/** Every file of the corpus with its text. */
export const corpus = readdirSync(ocpiDir)
  .sort()
  .map((file) => ({ file, text: readFileSync(`${ocpiDir}${file}`, 'utf8') }));

/** The files that convert without errors: single locations, a response page, NDJSON. */
export const convertible = corpus.filter(({ file }) => /^(location|envelope|ndjson)-/.test(file));

/**
 * Every leaf value of an OCPI Location that the mapping carries over, as [OCPI pointer, body pointer, value]:
 * the expectation of "every mappable field survives", computed from the spec's annotations, not the converter.
 */
export function mappableLeaves(value: unknown, object: OcpiObject = mapping, from = '', to = '') {
  const out: Array<[string, string, unknown]> = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [key, child] of Object.entries(value as Json)) {
    const field = object.byOcpiName.get(key);
    if (!field || child === null) continue;
    const ocpiPath = joinPointer(from, key);
    const bodyPath = joinPointer(to, field.name);
    const items: Array<[unknown, string, string]> =
      field.array && Array.isArray(child)
        ? child.map((item, i) => [item, joinPointer(ocpiPath, i), joinPointer(bodyPath, i)])
        : [[child, ocpiPath, bodyPath]];
    for (const [item, itemFrom, itemTo] of items) {
      if (field.target && item !== null && typeof item === 'object' && !Array.isArray(item))
        out.push(...mappableLeaves(item, field.target, itemFrom, itemTo));
      else out.push([itemFrom, itemTo, item]);
    }
  }
  return out;
}

/** Every property name of a value, at every depth (not array indexes), with its pointer. */
export function allKeys(value: unknown, at = ''): Array<[string, string]> {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => allKeys(item, joinPointer(at, i)));
  return Object.entries(value as Json).flatMap(([key, child]) => [
    [joinPointer(at, key), key] as [string, string],
    ...allKeys(child, joinPointer(at, key)),
  ]);
}
