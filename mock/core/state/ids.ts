import { getAtPointer } from '../../../src/core/openapi/pointer.ts';
import type { Spec } from '../../../src/core/openapi/spec.ts';

/** Hands out location ids: unique within a run, reproducible under a seed, shaped by the spec's pattern. */
export interface IdSource {
  next(): string;
  /** Starts the sequence again (same seed, same ids). */
  reset(): void;
}

// Crockford's base 32: no I, L, O or U, so an id read aloud or retyped survives.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const half = 25; // bits per Feistel half: 10 base-32 characters carry 50 bits
const mask = (1 << half) - 1;

/**
 * Creates the id source for a spec. Ids are `<prefix><10 characters>`: a seeded Feistel permutation of a counter,
 * so they look random yet never repeat (a permutation is a bijection) and need no memory of past ids.
 */
export function createIdSource(spec: Spec, seed?: number): IdSource {
  const rule = idRule(spec);
  const keys = roundKeys(seed ?? randomSeed());
  const id = (n: number): string => {
    let left = Math.floor(n / 2 ** half) & mask;
    let right = n & mask;
    for (const key of keys) {
      const mixed = (Math.imul(right ^ key, 0x45d9f3b) ^ (right >>> 7)) & mask;
      [left, right] = [right, left ^ mixed];
    }
    let out = rule.prefix;
    for (const part of [left, right]) {
      for (let shift = half - 5; shift >= 0; shift -= 5) out += alphabet[(part >>> shift) & 31];
    }
    return out;
  };
  const first = id(0);
  if (!rule.pattern.test(first) || first.length > rule.maxLength) {
    throw new Error(
      `${spec.path}: generated ids such as "${first}" do not fit the LocationId id rule (pattern ${rule.pattern.source}, maxLength ${rule.maxLength})`,
    );
  }
  let counter = 0;
  return {
    next: () => id(counter++),
    reset: () => {
      counter = 0;
    },
  };
}

/** The id property of the 200 response's schema: its pattern, literal prefix and maximum length. */
function idRule(spec: Spec): { pattern: RegExp; prefix: string; maxLength: number } {
  const media = spec.operation.responses[200]?.content['application/json'];
  const schema = media ? getAtPointer(spec.doc, media.schemaPointer) : undefined;
  const id = (schema as { properties?: { id?: { pattern?: string; maxLength?: number } } })?.properties?.id;
  const source = id?.pattern ?? '^Loc-[A-Za-z0-9-]+$';
  // The literal text after `^` (e.g. "Loc-") is the prefix; the rest of an id is drawn from the alphabet.
  const prefix = /^\^((?:[A-Za-z0-9]|\\-|-)*)/.exec(source)?.[1]?.replaceAll('\\-', '-') ?? '';
  return { pattern: new RegExp(source), prefix, maxLength: id?.maxLength ?? 36 };
}

/** Four round keys from a seed (splitmix32), so a seed fixes the whole permutation. */
function roundKeys(seed: number): number[] {
  let state = seed >>> 0;
  const keys: number[] = [];
  for (let i = 0; i < 4; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    keys.push((z ^ (z >>> 16)) & mask);
  }
  return keys;
}

/** A seed from the Web Crypto API (Node and browsers alike): a mock with no `--seed` differs from the last. */
function randomSeed(): number {
  return (globalThis.crypto.getRandomValues(new Uint32Array(1))[0] as number) >>> 1;
}
