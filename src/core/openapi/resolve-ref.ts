import { getAtPointer } from './pointer.ts';

type Json = Record<string, unknown>;

/** The JSON pointer a local `$ref` (`#/components/schemas/Location`) names; the fragment is URI-encoded. */
export function refPointer(ref: string): string {
  return decodeURIComponent(ref.startsWith('#') ? ref.slice(1) : ref);
}

/**
 * Follows local `$ref`s from `node` (found at `pointer`) until a node that is not a reference, and returns it
 * with its pointer; a cycle of references stops after 32 hops.
 */
export function resolveRef(doc: unknown, node: unknown, pointer: string): { node: Json; pointer: string } {
  let current = node as Json;
  let at = pointer;
  for (let hops = 0; typeof current?.$ref === 'string' && hops < 32; hops++) {
    at = refPointer(current.$ref as string);
    current = getAtPointer(doc, at) as Json;
  }
  return { node: current, pointer: at };
}
