import { getAtPointer, joinPointer } from '../spec/pointer.ts';
import { label } from './describe.ts';
import { type Candidate, suggest } from './suggest.ts';
import type { Issue } from './types.ts';

type Json = Record<string, unknown>;

/** What walking a payload beside its schema finds: unknown properties, and the enum forms used. */
export interface WalkFindings {
  readonly unknown: Issue[];
  names: number;
  numbers: number;
}

/**
 * Walks a payload beside the spec's schema (following `$ref`s) to find properties the schema does not know
 * (decision 7: warnings with a "did you mean") and to count enum values sent as names or as numbers (decision 6).
 */
export function walkPayload(data: unknown, doc: Json, schemaPointer: string): WalkFindings {
  const findings: WalkFindings = { unknown: [], names: 0, numbers: 0 };
  visit(data, doc, schemaPointer, '', findings);
  return findings;
}

const candidateCache = new WeakMap<object, Candidate[]>();

function visit(
  data: unknown,
  doc: Json,
  startPointer: string,
  instancePath: string,
  findings: WalkFindings,
): void {
  let pointer = startPointer;
  let node = getAtPointer(doc, pointer) as Json | undefined;
  for (let hops = 0; typeof node?.$ref === 'string' && hops < 32; hops++) {
    pointer = decodeURIComponent((node.$ref as string).slice(1));
    node = getAtPointer(doc, pointer) as Json | undefined;
  }
  if (!node || data === null || data === undefined) return;
  if (Array.isArray(node.anyOf)) {
    node.anyOf.forEach((branch: Json, i: number) => {
      if (Array.isArray(branch.enum)) {
        if (branch.enum.includes(data)) typeof data === 'number' ? findings.numbers++ : findings.names++;
      } else if (branch.type !== 'null') {
        visit(data, doc, joinPointer(pointer, 'anyOf', i), instancePath, findings);
      }
    });
    return;
  }
  if (Array.isArray(data)) {
    if (!node.items) return;
    for (const [i, item] of data.entries())
      visit(item, doc, `${pointer}/items`, `${instancePath}/${i}`, findings);
    return;
  }
  if (typeof data !== 'object' || (!node.properties && node.additionalProperties === undefined)) return;
  const properties = (node.properties ?? {}) as Json;
  for (const [key, value] of Object.entries(data as Json)) {
    const childPath = joinPointer(instancePath, key);
    if (Object.hasOwn(properties, key)) {
      visit(value, doc, joinPointer(pointer, 'properties', key), childPath, findings);
    } else if (node.additionalProperties === undefined) {
      findings.unknown.push(unknownIssue(key, childPath, node, pointer));
    }
  }
}

function unknownIssue(key: string, instancePath: string, node: Json, pointer: string): Issue {
  let candidates = candidateCache.get(node);
  if (!candidates) {
    candidates = Object.entries((node.properties ?? {}) as Json).map(([name, property]) => ({
      name,
      aliases: ((property as Json)['x-aliases'] ?? []) as string[],
    }));
    candidateCache.set(node, candidates);
  }
  const guess = suggest(key, candidates);
  const owner = pointer.startsWith('/components/schemas/') ? pointer.split('/')[3] : 'Location';
  const issue: Issue = {
    severity: 'warning',
    code: 'unknown-property',
    instancePath,
    specPointer: joinPointer(pointer, 'properties'),
    message: `${label(instancePath)} is not a property of ${owner}; the API ignores it${guess ? `. Did you mean ${guess}?` : ''}`,
    location: 'body',
  };
  if (guess) issue.suggestion = guess;
  return issue;
}
