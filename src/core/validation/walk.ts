import { getAtPointer, joinPointer } from '../openapi/pointer.ts';
import { resolveRef } from '../openapi/resolve-ref.ts';
import { label } from './describe.ts';
import { createIssue } from './issue.ts';
import type { Candidate, Suggester } from './suggest.ts';
import type { Issue } from './types.ts';

type Json = Record<string, unknown>;

/** What walking a payload beside its schema finds: unknown properties, and the enum forms used. */
export interface WalkFindings {
  readonly unknown: Issue[];
  names: number;
  numbers: number;
}

/**
 * The body schema reduced to what the walk needs, built once per spec: objects with their known properties,
 * arrays, and enum unions. `hasEnum` lets the fast path skip subtrees without enums.
 */
type Shape =
  | {
      kind: 'object';
      pointer: string;
      owner: string;
      properties: Map<string, Shape>;
      /** The properties whose subtree holds an enum: all the fast path visits. */
      enumProperties: Array<[string, Shape]>;
      open: boolean;
      additional?: Shape;
      candidates: Candidate[];
      hasEnum: boolean;
    }
  | { kind: 'array'; items: Shape; hasEnum: boolean }
  | { kind: 'enum'; names: ReadonlySet<unknown>; numbers: ReadonlySet<unknown>; hasEnum: true }
  | { kind: 'union'; branches: Shape[]; hasEnum: boolean }
  | { kind: 'leaf'; hasEnum: false };

const leaf: Shape = { kind: 'leaf', hasEnum: false };

/** Reduces the schema at `pointer` (following `$ref`s) to a `Shape` tree. */
export function buildShape(doc: Json, pointer: string, memo = new Map<string, Shape>()): Shape {
  const resolved = resolveRef(doc, getAtPointer(doc, pointer), pointer);
  const at = resolved.pointer;
  const node = resolved.node as Json | undefined;
  const known = memo.get(at);
  if (known) return known;
  if (!node) return leaf;
  if (Array.isArray(node.anyOf)) {
    const enums = (node.anyOf as Json[]).filter((branch) => Array.isArray(branch.enum));
    if (enums.length > 0 && enums.length === node.anyOf.length) {
      const all = enums.flatMap((branch) => branch.enum as unknown[]);
      const shape: Shape = {
        kind: 'enum',
        names: new Set(all.filter((value) => typeof value !== 'number')),
        numbers: new Set(all.filter((value) => typeof value === 'number')),
        hasEnum: true,
      };
      memo.set(at, shape);
      return shape;
    }
    const branches = (node.anyOf as Json[])
      .map((branch, i) =>
        branch.type === 'null' ? leaf : buildShape(doc, joinPointer(at, 'anyOf', i), memo),
      )
      .filter((shape) => shape !== leaf);
    const shape: Shape =
      branches.length === 1 && branches[0]
        ? branches[0]
        : { kind: 'union', branches, hasEnum: branches.some((b) => b.hasEnum) };
    memo.set(at, shape);
    return shape;
  }
  if (node.items) {
    const shape = { kind: 'array', items: leaf, hasEnum: false } as Shape & { kind: 'array' };
    memo.set(at, shape);
    shape.items = buildShape(doc, `${at}/items`, memo);
    shape.hasEnum = shape.items.hasEnum;
    return shape;
  }
  if (node.properties || node.additionalProperties !== undefined) {
    const shape = {
      kind: 'object',
      pointer: at,
      owner: at.startsWith('/components/schemas/') ? (at.split('/')[3] ?? 'Location') : 'Location',
      properties: new Map(),
      enumProperties: [],
      open: node.additionalProperties !== undefined,
      candidates: [],
      hasEnum: false,
    } as Shape & { kind: 'object' };
    memo.set(at, shape);
    for (const [name, property] of Object.entries((node.properties ?? {}) as Json)) {
      const child = buildShape(doc, joinPointer(at, 'properties', name), memo);
      shape.properties.set(name, child);
      shape.candidates.push({ name, aliases: ((property as Json)['x-aliases'] ?? []) as string[] });
      if (child.hasEnum) shape.enumProperties.push([name, child]);
      shape.hasEnum ||= child.hasEnum;
    }
    if (typeof node.additionalProperties === 'object')
      shape.additional = buildShape(doc, `${at}/additionalProperties`, memo);
    return shape;
  }
  return leaf;
}

/**
 * Walks a payload beside its shape. With `full`, finds properties the schema does not know (decision 7:
 * warnings with a "did you mean"); always counts enum values sent as names or as numbers (decision 6).
 */
export function walkPayload(data: unknown, shape: Shape, full: boolean, suggest: Suggester): WalkFindings {
  const findings: WalkFindings = { unknown: [], names: 0, numbers: 0 };
  if (full) visit(data, shape, [], findings, suggest);
  else countEnums(data, shape, findings);
  return findings;
}

/**
 * The fast path of the walk, for bodies the closed schema already passed: only the subtrees that hold an enum,
 * no paths, indexed loops. Every valid body goes through here, so it is kept apart from the full visit.
 */
function countEnums(data: unknown, shape: Shape, findings: WalkFindings): void {
  if (data === null || data === undefined || !shape.hasEnum) return;
  switch (shape.kind) {
    case 'enum':
      tally(data, shape, findings);
      return;
    case 'union':
      for (let i = 0; i < shape.branches.length; i++) countEnums(data, shape.branches[i] as Shape, findings);
      return;
    case 'array':
      if (Array.isArray(data))
        for (let i = 0; i < data.length; i++) countEnums(data[i], shape.items, findings);
      return;
    case 'object': {
      if (typeof data !== 'object' || Array.isArray(data)) return;
      if (shape.additional) {
        for (const key in data) {
          const child = shape.properties.get(key) ?? shape.additional;
          if (Object.hasOwn(data, key)) countEnums((data as Json)[key], child, findings);
        }
        return;
      }
      const entries = shape.enumProperties;
      for (let i = 0; i < entries.length; i++) {
        const [key, child] = entries[i] as [string, Shape];
        countEnums((data as Json)[key], child, findings);
      }
      return;
    }
    default:
      return;
  }
}

export type { Shape };

/** Counts one enum value as a name or as an index (decision 6); anything else is the schema's business. */
function tally(data: unknown, shape: Shape & { kind: 'enum' }, findings: WalkFindings): void {
  if (shape.names.has(data)) findings.names++;
  else if (shape.numbers.has(data)) findings.numbers++;
}

/** The full walk. The path is a stack of tokens, joined into a pointer only for a property it reports. */
function visit(
  data: unknown,
  shape: Shape,
  path: Array<string | number>,
  findings: WalkFindings,
  suggest: Suggester,
): void {
  if (data === null || data === undefined) return;
  switch (shape.kind) {
    case 'enum':
      tally(data, shape, findings);
      return;
    case 'union':
      for (const branch of shape.branches) visit(data, branch, path, findings, suggest);
      return;
    case 'array':
      if (!Array.isArray(data)) return;
      for (let i = 0; i < data.length; i++) {
        path.push(i);
        visit(data[i], shape.items, path, findings, suggest);
        path.pop();
      }
      return;
    case 'object': {
      if (typeof data !== 'object' || Array.isArray(data)) return;
      for (const key in data) {
        if (!Object.hasOwn(data, key)) continue;
        const child = shape.properties.get(key) ?? shape.additional;
        path.push(key);
        if (child) visit((data as Json)[key], child, path, findings, suggest);
        else if (!shape.open)
          findings.unknown.push(unknownIssue(key, joinPointer('', ...path), shape, suggest));
        path.pop();
      }
      return;
    }
    default:
      return;
  }
}

function unknownIssue(
  key: string,
  instancePath: string,
  shape: Shape & { kind: 'object' },
  suggest: Suggester,
): Issue {
  const guess = suggest(key, shape.candidates);
  const issue = createIssue({
    severity: 'warning',
    code: 'unknown-property',
    instancePath,
    specPointer: joinPointer(shape.pointer, 'properties'),
    message: `${label(instancePath)} is not a property of ${shape.owner}; the API ignores it${guess ? `. Did you mean ${guess}?` : ''}`,
    location: 'body',
  });
  if (guess) issue.suggestion = guess;
  return issue;
}
