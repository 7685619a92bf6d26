/** Facts derived from openapi.yaml for table-driven tests: nothing here is retyped from the spec. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getAtPointer, joinPointer, splitPointer } from '../../../src/core/openapi/pointer.ts';
import { loadSpec } from '../../../src/node/load-spec.ts';

type Json = Record<string, unknown>;

export const spec = loadSpec();
const schemas = (spec.doc.components as Json).schemas as Record<string, Json>;

/** An enum of the spec: its names (index order) and its int32 indexes. */
export interface EnumFact {
  readonly name: string;
  readonly names: string[];
  readonly numbers: number[];
}

/** Every component that is an enum union of names and int32 indexes. */
export const enums: EnumFact[] = Object.entries(schemas)
  .filter(([, schema]) => Array.isArray(schema.anyOf))
  .map(([name, schema]) => {
    const branches = schema.anyOf as Json[];
    return {
      name,
      names: (branches.find((b) => b.type === 'string')?.enum ?? []) as string[],
      numbers: (branches.find((b) => b.type === 'integer')?.enum ?? []) as number[],
    };
  })
  .filter((fact) => fact.names.length > 0);

/**
 * Where each component is used in a request body: instance paths from the body root, with `0` for array items.
 * A component reached through several properties (BusinessDetails, Image) has several paths.
 */
export const usages: Map<string, string[]> = (() => {
  const found = new Map<string, string[]>();
  const visit = (node: unknown, path: string, seen: ReadonlySet<string>): void => {
    const schema = node as Json | undefined;
    if (!schema || typeof schema !== 'object') return;
    if (typeof schema.$ref === 'string') {
      const name = splitPointer(schema.$ref.slice(1)).at(-1) ?? '';
      if (seen.has(name)) return;
      found.set(name, [...(found.get(name) ?? []), path]);
      visit(schemas[name], path, new Set([...seen, name]));
      return;
    }
    for (const branch of (schema.anyOf ?? []) as Json[]) visit(branch, path, seen);
    if (schema.items) visit(schema.items, `${path}/0`, seen);
    for (const [key, child] of Object.entries((schema.properties ?? {}) as Json))
      visit(child, joinPointer(path, key), seen);
  };
  found.set('Location', ['']);
  visit(schemas.Location, '', new Set(['Location']));
  return found;
})();

/** One `x-ocpi` note with a `rule` (a JSON Schema fragment folded into the validator). */
export interface RuleFact {
  /** Pointer of the schema node that carries the note. */
  readonly pointer: string;
  readonly keyword: string;
  readonly value: unknown;
  /** Where a value breaking the rule goes in a body (the node itself, or for object rules the object). */
  readonly instancePath: string;
}

/** Every keyword of every `x-ocpi.rule` in the spec, with the first body path that reaches it. */
export const ocpiRules: RuleFact[] = Object.entries(schemas).flatMap(([name, schema]) => {
  const base = usages.get(name)?.[0];
  if (base === undefined) return [];
  const nodes: Array<[string, Json, string]> = [[joinPointer('/components/schemas', name), schema, base]];
  for (const [key, property] of Object.entries((schema.properties ?? {}) as Record<string, Json>))
    nodes.push([
      joinPointer('/components/schemas', name, 'properties', key),
      property,
      joinPointer(base, key),
    ]);
  return nodes.flatMap(([pointer, node, instancePath]) => {
    const rule = (node['x-ocpi'] as { rule?: Json } | undefined)?.rule ?? {};
    return Object.entries(rule).map(([keyword, value]) => ({ pointer, keyword, value, instancePath }));
  });
});

/** Every `x-ocpi` note, with or without a rule (the cross-field rules point at these). */
export const ocpiNotes: string[] = (() => {
  const out: string[] = [];
  const visit = (node: unknown, pointer: string) => {
    if (!node || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'x-ocpi') out.push(joinPointer(pointer, key));
      else visit(child, joinPointer(pointer, key));
    }
  };
  visit(spec.doc.components, '/components');
  return out;
})();

/** Builds a body holding `value` at `instancePath`, creating objects, and arrays for numeric tokens. */
export function bodyWith(instancePath: string, value: unknown, base: Json = {}): unknown {
  const tokens = splitPointer(instancePath);
  if (tokens.length === 0) return value;
  const root = structuredClone(base) as Json;
  let node: Json = root;
  tokens.forEach((token, i) => {
    const last = i === tokens.length - 1;
    if (last) node[token] = value;
    else {
      node[token] ??= /^\d+$/.test(tokens[i + 1] ?? '') ? [] : {};
      node = node[token] as Json;
    }
  });
  return root;
}

/** True when the pointer names a node of openapi.yaml. */
export function resolves(pointer: string): boolean {
  return getAtPointer(spec.doc, pointer) !== undefined;
}

export const fixturesDir = fileURLToPath(new URL('../../fixtures/payloads/', import.meta.url));

/** The payload corpus: file name and text. */
export const fixtures = readdirSync(fixturesDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, text: readFileSync(`${fixturesDir}${file}`, 'utf8') }));
