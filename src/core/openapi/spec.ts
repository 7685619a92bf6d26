import { ConfigError } from '../config-error.ts';
import { findOperation, type OperationInfo } from './operation.ts';
import { getAtPointer, indexPointers, joinPointer } from './pointer.ts';

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

/** Where a spec's document came from: what `specFromDocument` cannot know from the document alone. */
export interface SpecSource {
  /** The file, for messages. */
  readonly path: string;
  /** SHA-256 of the source text. */
  readonly digest: string;
  readonly lineOf: (pointer: string) => number | undefined;
  readonly schemasChecked: boolean;
  readonly markSchemasChecked?: () => void;
}

/**
 * Checks a parsed OpenAPI document and derives what the toolkit needs from it; throws `ConfigError` with a
 * one-line message when it is unusable. Pure: the document may come from a file (load-spec.ts), a generated
 * module (project-spec.ts) or a parameter, in Node or in a browser.
 */
export function specFromDocument(doc: unknown, source: SpecSource): Spec {
  const { path, lineOf } = source;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ConfigError(`${path}: not an OpenAPI document (expected a mapping at the top level)`);
  }
  const record = doc as Record<string, unknown>;
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
  const { schemasChecked } = source;
  return {
    path,
    doc: record,
    digest: source.digest,
    pointers: indexPointers(record),
    operation,
    lineOf,
    schemasChecked,
    markSchemasChecked: () => {
      if (!schemasChecked) source.markSchemasChecked?.();
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
