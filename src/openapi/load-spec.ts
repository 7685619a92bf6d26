import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Document } from 'yaml';
import { findOperation, type OperationInfo } from './operation.ts';
import { packageRoot } from './package-root.ts';
import { getAtPointer, indexPointers } from './pointer.ts';
import { readCachedSpec, specDigest, writeCachedSpec } from './spec-cache.ts';

/** The project's own contract, used when no other spec file is named. */
export const defaultSpecPath: string = join(packageRoot, 'openapi.yaml');

/** A loaded and checked OpenAPI document with the facts the toolkit derives from it. */
export interface Spec {
  /** Absolute path of the file the spec was read from. */
  readonly path: string;
  /** The parsed document, never mutated. */
  readonly doc: Record<string, unknown>;
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

/** Raised for a spec that cannot be used; the message names the file and, where known, the line. */
export class SpecError extends Error {
  override name = 'SpecError';
}

/** Reads, parses and checks an OpenAPI 3.1 file; throws `SpecError` with a one-line message when it is unusable. */
export function loadSpec(file: string = defaultSpecPath): Spec {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SpecError(
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
      const at = first.linePos?.[0] ?? positionAt(text, first.pos[0]);
      const where = `${path}:${at.line}:${at.col}`;
      throw new SpecError(`${where}: YAML error: ${first.message.split('\n')[0]}`);
    }
    doc = yaml().toJS({ maxAliasCount: 100 });
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new SpecError(`${path}: not an OpenAPI document (expected a mapping at the top level)`);
  }
  const record = doc as Record<string, unknown>;
  const lineOf = (pointer: string): number | undefined => lineAt(yaml(), text, pointer);
  const version = record.openapi;
  if (typeof version !== 'string' || !/^3\.1\.\d+$/.test(version)) {
    throw new SpecError(
      `${path}:${lineOf('/openapi') ?? 1}: expected "openapi: 3.1.x", found ${JSON.stringify(version)}`,
    );
  }
  checkRefs(record, path, lineOf);
  const operation = findOperation(record, (message, pointer) => {
    const line = pointer === undefined ? undefined : lineOf(pointer);
    return new SpecError(`${path}${line ? `:${line}` : ''}: ${message}`);
  });
  if (!cached) writeCachedSpec(digest, { doc: record, schemasChecked: false });
  const schemasChecked = cached?.schemasChecked === true;
  return {
    path,
    doc: record,
    pointers: indexPointers(record),
    operation,
    lineOf,
    schemasChecked,
    markSchemasChecked: () => {
      if (!schemasChecked) writeCachedSpec(digest, { doc: record, schemasChecked: true });
    },
  };
}

/** 1-based line and column of an offset in `text`. */
function positionAt(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, col: offset - before.lastIndexOf('\n') };
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
      const childPointer = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (key === '$ref' && typeof child === 'string') {
        // The line is looked up only for a message: it needs the YAML document, which a cached spec skips.
        const where = () => {
          const line = lineOf(childPointer);
          return `${path}${line ? `:${line}` : ''}`;
        };
        if (!child.startsWith('#'))
          throw new SpecError(`${where()}: only local $refs are supported, found "${child}"`);
        if (getAtPointer(doc, decodeURIComponent(child.slice(1))) === undefined) {
          throw new SpecError(`${where()}: $ref "${child}" points at nothing`);
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
  const tokens = pointer === '' ? [] : pointer.slice(1).split('/');
  for (const raw of tokens) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
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
  return text.slice(0, offset).split('\n').length;
}
