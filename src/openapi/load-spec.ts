import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from 'yaml';
import { ConfigError } from '../config-error.ts';
import { lineColumn } from './line-column.ts';
import { findOperation, type OperationInfo } from './operation.ts';
import { getAtPointer, indexPointers, joinPointer, splitPointer } from './pointer.ts';
import { readCachedSpec, specDigest, writeCachedSpec } from './spec-cache.ts';

/** The project's own contract, used when no other spec file is named. */
export const defaultSpecPath: string = resolve(dirname(fileURLToPath(import.meta.url)), '../../openapi.yaml');

/** A loaded and checked OpenAPI document with the facts the toolkit derives from it. */
export interface Spec {
  /** Absolute path of the file the spec was read from. */
  readonly path: string;
  /** The parsed document, never mutated. */
  readonly doc: Record<string, unknown>;
  /** SHA-256 of the text the spec was parsed from: which generated validators belong to it. */
  readonly digest: string;
  /** Pointer of every object and array in `doc`, for turning schema nodes back into locations. */
  readonly pointers: Map<object, string>;
  /** The addLocation operation. */
  readonly operation: OperationInfo;
  /** 1-based line of the node at a JSON pointer, when the source has one. */
  lineOf(pointer: string): number | undefined;
  /** Whether these exact schemas already passed the JSON Schema meta-schema (see spec-cache.ts). */
  readonly schemasChecked: boolean;
  /** Remembers that the schemas passed the meta-schema, so the next start of the same text skips the check. */
  markSchemasChecked(): void;
}

/** Reads, parses and checks an OpenAPI 3.1 file; throws `ConfigError` with a one-line message when it is unusable. */
export function loadSpec(file: string = defaultSpecPath): Spec {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `${path}: cannot read the spec (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return parseSpec(text, path);
}

/** Parses spec text that was read elsewhere; `path` is used in messages only. */
export function parseSpec(text: string, path: string): Spec {
  const digest = specDigest(text);
  const cached = readCachedSpec(digest);
  // The YAML document is parsed only when it is needed: for a text the cache does not know, or for a line number.
  let yamlDoc: Document | undefined;
  const yaml = (): Document => {
    yamlDoc ??= yamlLibrary().parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    return yamlDoc;
  };
  let doc: unknown = cached?.doc;
  if (!cached) {
    const [first] = yaml().errors;
    if (first) {
      // `linePos` is only filled with prettyErrors; the offset is always there.
      const pos = first.linePos?.[0];
      const at = pos ? { line: pos.line, column: pos.col } : lineColumn(text, first.pos[0]);
      const where = `${path}:${at.line}:${at.column}`;
      throw new ConfigError(`${where}: YAML error: ${first.message.split('\n')[0]}`);
    }
    doc = yaml().toJS({ maxAliasCount: 100 });
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ConfigError(`${path}: not an OpenAPI document (expected a mapping at the top level)`);
  }
  const record = doc as Record<string, unknown>;
  const lineOf = (pointer: string): number | undefined => lineAt(yaml(), text, pointer);
  const version = record.openapi;
  if (typeof version !== 'string' || !/^3\.1\.\d+$/.test(version)) {
    throw new ConfigError(
      `${path}:${lineOf('/openapi') ?? 1}: expected "openapi: 3.1.x", found ${JSON.stringify(version)}`,
    );
  }
  checkRefs(record, path, lineOf);
  const operation = findOperation(record, (message, pointer) => {
    const line = pointer === undefined ? undefined : lineOf(pointer);
    return new ConfigError(`${path}${line ? `:${line}` : ''}: ${message}`);
  });
  if (!cached) writeCachedSpec(digest, { doc: record, schemasChecked: false });
  const schemasChecked = cached?.schemasChecked === true;
  return {
    path,
    doc: record,
    digest,
    pointers: indexPointers(record),
    operation,
    lineOf,
    schemasChecked,
    markSchemasChecked: () => {
      if (!schemasChecked) writeCachedSpec(digest, { doc: record, schemasChecked: true });
    },
  };
}

/** Every local `$ref` must point at something; remote refs are not supported. */
function checkRefs(
  doc: Record<string, unknown>,
  path: string,
  lineOf: (p: string) => number | undefined,
): void {
  const visit = (node: unknown, pointer: string): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) visit(child, `${pointer}/${i}`);
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      const childPointer = joinPointer(pointer, key);
      if (key === '$ref' && typeof child === 'string') {
        // The line is looked up only for a message: it needs the YAML document, which a cached spec skips.
        const where = () => {
          const line = lineOf(childPointer);
          return `${path}${line ? `:${line}` : ''}`;
        };
        if (!child.startsWith('#'))
          throw new ConfigError(`${where()}: only local $refs are supported, found "${child}"`);
        if (getAtPointer(doc, decodeURIComponent(child.slice(1))) === undefined) {
          throw new ConfigError(`${where()}: $ref "${child}" points at nothing`);
        }
      } else if (!key.startsWith('x-') && key !== 'example' && key !== 'examples') {
        visit(child, childPointer);
      }
    }
  };
  visit(doc, '');
}

/**
 * The YAML library, loaded on first use: a spec the cache knows never needs it at start-up, and loading it is a
 * tenth of the mock's start-up time.
 */
function yamlLibrary(): typeof import('yaml') {
  return createRequire(import.meta.url)('yaml') as typeof import('yaml');
}

/** Finds the source line of the node at `pointer` through the YAML document's ranges. */
function lineAt(yamlDoc: Document, text: string, pointer: string): number | undefined {
  const { isMap, isScalar, isSeq } = yamlLibrary();
  let node: unknown = yamlDoc.contents;
  let offset: number | undefined;
  const tokens = splitPointer(pointer);
  for (const token of tokens) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === token);
      if (!pair) return undefined;
      offset = isScalar(pair.key) ? pair.key.range?.[0] : offset;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(token)];
      offset = (node as { range?: [number] } | undefined)?.range?.[0] ?? offset;
    } else {
      return undefined;
    }
  }
  if (offset === undefined) return tokens.length === 0 ? 1 : undefined;
  return lineColumn(text, offset).line;
}
