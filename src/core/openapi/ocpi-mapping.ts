// The OCPI 2.2.1 mapping, read from openapi.yaml's annotations alone: `x-ocpi.name` (and `type`) on each
// property, `x-emabler-only` where there is no OCPI origin, `x-ocpi.dropped` for OCPI fields with no
// equivalent. Plain data in, plain data out: it runs in the browser as well as in Node.

import { getAtPointer, joinPointer } from './pointer.ts';
import { resolveRef } from './resolve-ref.ts';

type Json = Record<string, unknown>;

/** One property of an eMabler object schema and the OCPI field it comes from. */
export interface OcpiField {
  /** eMabler's property name (camelCase). */
  readonly name: string;
  /** The OCPI 2.2.1 field name (`x-ocpi.name`). */
  readonly ocpiName: string;
  /** The OCPI type where it differs from the schema's (`x-ocpi.type`). */
  readonly ocpiType?: string;
  /** Pointer of the property in openapi.yaml. */
  readonly pointer: string;
  /** Whether the value is an array (of `target` objects when there is a target). */
  readonly array: boolean;
  /** The object schema of the value (or of its elements), when it is an object. */
  readonly target?: OcpiObject;
}

/** An eMabler object schema as seen from OCPI. */
export interface OcpiObject {
  /** Pointer of the object schema in openapi.yaml. */
  readonly pointer: string;
  /** The schema's name under components/schemas, e.g. `Location`. */
  readonly owner: string;
  /** The properties with an OCPI origin, in the spec's order. */
  readonly fields: readonly OcpiField[];
  /** The same, by OCPI name. */
  readonly byOcpiName: ReadonlyMap<string, OcpiField>;
  /** The properties with no OCPI origin (`x-emabler-only`), with the spec's reason. */
  readonly emablerOnly: ReadonlyMap<string, string>;
  /** OCPI fields of this object with no eMabler equivalent (`x-ocpi.dropped`), with the reason. */
  readonly dropped: ReadonlyMap<string, string>;
}

/** Follows `$ref`s from `pointer`; returns where it ended and the node there. */
function resolve(doc: Json, pointer: string): { at: string; node: Json | undefined } {
  const resolved = resolveRef(doc, getAtPointer(doc, pointer), pointer);
  return { at: resolved.pointer, node: resolved.node as Json | undefined };
}

/** The object schema a property's value is, or holds in its items or one of its `anyOf` branches. */
function objectOf(doc: Json, pointer: string): { at: string; array: boolean } | undefined {
  const { at, node } = resolve(doc, pointer);
  if (!node) return undefined;
  if (node.properties) return { at, array: false };
  if (node.items) {
    const inner = objectOf(doc, `${at}/items`);
    return { at: inner?.at ?? '', array: true };
  }
  if (Array.isArray(node.anyOf)) {
    for (let i = 0; i < node.anyOf.length; i++) {
      const inner = objectOf(doc, joinPointer(at, 'anyOf', i));
      if (inner?.at) return inner;
    }
  }
  return undefined;
}

/**
 * Reads the OCPI mapping of the object schema at `pointer` (the addLocation body: `Location`) and of every
 * object schema below it. Built once per spec; the result is shared and never changed.
 */
export function readOcpiMapping(doc: Json, pointer = '/components/schemas/Location'): OcpiObject {
  const memo = new Map<string, OcpiObject>();
  const read = (start: string): OcpiObject => {
    const { at, node } = resolve(doc, start);
    const known = memo.get(at);
    if (known) return known;
    const fields: OcpiField[] = [];
    const emablerOnly = new Map<string, string>();
    const note = (node?.['x-ocpi'] ?? {}) as { dropped?: Record<string, string> };
    const object: OcpiObject = {
      pointer: at,
      owner: at.startsWith('/components/schemas/') ? (at.split('/')[3] ?? 'Location') : 'Location',
      fields,
      byOcpiName: new Map(),
      emablerOnly,
      dropped: new Map(Object.entries(note.dropped ?? {})),
    };
    memo.set(at, object);
    for (const [name, raw] of Object.entries((node?.properties ?? {}) as Json)) {
      const property = raw as Json;
      const propertyPointer = joinPointer(at, 'properties', name);
      const ocpi = property['x-ocpi'] as { name?: string; type?: string } | undefined;
      if (typeof ocpi?.name !== 'string') {
        if (typeof property['x-emabler-only'] === 'string') emablerOnly.set(name, property['x-emabler-only']);
        continue;
      }
      const shape = objectOf(doc, propertyPointer);
      const { node: resolved } = resolve(doc, propertyPointer);
      const field: OcpiField = {
        name,
        ocpiName: ocpi.name,
        ...(ocpi.type ? { ocpiType: ocpi.type } : {}),
        pointer: propertyPointer,
        array: shape?.array ?? Boolean(resolved?.items),
        ...(shape?.at ? { target: read(shape.at) } : {}),
      };
      fields.push(field);
      (object.byOcpiName as Map<string, OcpiField>).set(field.ocpiName, field);
    }
    return object;
  };
  return read(pointer);
}

/** Every object schema of a mapping, the root first, each once. */
export function mappedObjects(root: OcpiObject): OcpiObject[] {
  const seen = new Set<OcpiObject>();
  const visit = (object: OcpiObject): void => {
    if (seen.has(object)) return;
    seen.add(object);
    for (const field of object.fields) if (field.target) visit(field.target);
  };
  visit(root);
  return [...seen];
}
