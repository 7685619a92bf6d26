// OCPI 2.2.1 Location -> addLocation body, by the mapping of openapi.yaml (ocpi-mapping.ts). No validation
// here and no Node: the checker page runs this very code.

import type { OcpiField, OcpiObject } from '../openapi/ocpi-mapping.ts';
import { joinPointer } from '../openapi/pointer.ts';

type Json = Record<string, unknown>;

/** An OCPI field that was not carried over, and why. */
export interface DroppedField {
  /** JSON Pointer (RFC 6901) into the OCPI input, e.g. `/evses` or `/opening_times/foo`. */
  readonly path: string;
  /** The OCPI field name (the last token of `path`). */
  readonly field: string;
  /** Why it has no place in eMabler's body. */
  readonly reason: string;
}

/** An addLocation body made from one OCPI Location, with what was left behind. */
export interface Conversion {
  readonly body: Json;
  readonly dropped: DroppedField[];
}

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Converts one OCPI 2.2.1 Location (a JSON object) into an addLocation body: every field with an eMabler
 * equivalent is renamed at every depth and kept in the spec's order, every other field is dropped with its
 * reason. Values are not changed: a value of the wrong type is carried over for the validator to report.
 */
export function convertOcpiLocation(value: Json, mapping: OcpiObject): Conversion {
  const dropped: DroppedField[] = [];
  return { body: convertObject(value, mapping, '', dropped), dropped };
}

function convertObject(input: Json, object: OcpiObject, path: string, dropped: DroppedField[]): Json {
  // Drops are reported in the input's order, the body is built in the spec's.
  const carried = new Map<string, unknown>();
  for (const key of Object.keys(input)) {
    const at = joinPointer(path, key);
    const field = object.byOcpiName.get(key);
    const value = input[key];
    if (!field) dropped.push({ path: at, field: key, reason: reasonFor(key, value, object) });
    else if (value === null)
      dropped.push({ path: at, field: key, reason: 'null: there is no value to carry over' });
    else carried.set(field.name, convertValue(value, field, at, dropped));
  }
  const body: Json = {};
  for (const field of object.fields) if (carried.has(field.name)) body[field.name] = carried.get(field.name);
  return body;
}

function convertValue(value: unknown, field: OcpiField, path: string, dropped: DroppedField[]): unknown {
  const target = field.target;
  if (!target) return Array.isArray(value) ? [...value] : value;
  if (field.array && Array.isArray(value)) {
    return value.map((item, i) =>
      isObject(item) ? convertObject(item, target, joinPointer(path, i), dropped) : item,
    );
  }
  return isObject(value) ? convertObject(value, target, path, dropped) : value;
}

function reasonFor(key: string, value: unknown, object: OcpiObject): string {
  const count =
    Array.isArray(value) && value.length > 0
      ? ` (${value.length} ${value.length === 1 ? 'entry' : 'entries'})`
      : '';
  const known = object.dropped.get(key);
  if (known) return `${known}${count}`;
  const own = object.fields.find((field) => field.name === key && field.ocpiName !== key);
  if (own) return `"${key}" is eMabler's name; OCPI 2.2.1 calls it ${own.ocpiName}`;
  return `not a field of OCPI 2.2.1 that eMabler's ${object.owner} has${count}`;
}
