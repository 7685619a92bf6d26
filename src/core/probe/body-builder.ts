import { type BodyPath, pathName, type Site } from './schema-sites.ts';

type Json = Record<string, unknown>;

/** Builds the smallest body that puts one value at one site, with realistic values where others are needed. */
export interface BodyBuilder {
  /** A valid value for the site at a path: the spec's richest example's, or a plain one of the right kind. */
  sample(path: BodyPath): unknown;
  /** `{}` with `value` at `path`; every object on the way gets its required properties from `sample`. */
  bodyWith(path: BodyPath, value: unknown): Json;
}

/** The builder over a spec's sites and its richest request example (the one with the most properties). */
export function createBodyBuilder(sites: readonly Site[], examples: Record<string, unknown>): BodyBuilder {
  const byName = new Map(sites.map((site) => [pathName(site.path), site]));
  const richest = Object.values(examples)
    .filter((value): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value))
    .sort((a, b) => Object.keys(b).length - Object.keys(a).length)[0];

  const sample = (path: BodyPath): unknown => {
    const found = exampleAt(richest, path);
    if (found !== undefined) return structuredClone(found);
    const site = byName.get(pathName(path));
    if (!site) return 'probe';
    return plainValue(site, path, sample);
  };

  const bodyWith = (path: BodyPath, value: unknown): Json => {
    const body: Json = {};
    let container: Json | unknown[] = body;
    for (let depth = 0; depth < path.length; depth++) {
      const token = path[depth] as string | number;
      const last = depth === path.length - 1;
      const next: unknown = last ? value : typeof path[depth + 1] === 'number' ? [] : {};
      if (!last && !Array.isArray(next)) fillRequired(next as Json, path.slice(0, depth + 1));
      if (Array.isArray(container)) container.push(next);
      else container[token as string] = next;
      if (!last) container = next as Json | unknown[];
    }
    return body;
  };

  const fillRequired = (object: Json, path: BodyPath): void => {
    const site = byName.get(pathName(path));
    if (site?.kind !== 'object') return;
    for (const name of site.required) object[name] = sample([...path, name]);
  };

  return { sample, bodyWith };
}

function exampleAt(example: Json | undefined, path: BodyPath): unknown {
  let node: unknown = example;
  for (const token of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[token];
  }
  return node;
}

/** A value of the site's kind for sites no example shows. */
function plainValue(site: Site, path: BodyPath, sample: (path: BodyPath) => unknown): unknown {
  switch (site.kind) {
    case 'enum':
      return site.names[0] ?? site.numbers[0];
    case 'array':
      return [];
    case 'object': {
      const object: Json = {};
      for (const name of site.required) object[name] = sample([...path, name]);
      return object;
    }
    default:
      if (site.type === 'boolean') return true;
      if (site.type === 'integer' || site.type === 'number') return 1;
      return site.format === 'uri' ? 'https://probe.example.com/image.png' : 'probe';
  }
}
