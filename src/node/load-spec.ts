import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Document } from 'yaml';
import { ConfigError } from '../core/config-error.ts';
import { lineColumn } from '../core/openapi/line-column.ts';
import { splitPointer } from '../core/openapi/pointer.ts';
import { type Spec, specFromDocument } from '../core/openapi/spec.ts';
import { packageRoot } from './package-root.ts';
import { readConfigFile } from './read-config-file.ts';
import { readCachedSpec, specDigest, writeCachedSpec } from './spec-cache.ts';

export type { Spec } from '../core/openapi/spec.ts';

/** The project's own contract, used when no other spec file is named. */
export const defaultSpecPath: string = join(packageRoot, 'openapi.yaml');

/** Reads, parses and checks an OpenAPI 3.1 file; throws `ConfigError` with a one-line message when it is unusable. */
export function loadSpec(file: string = defaultSpecPath): Spec {
  const { path, text } = readConfigFile(file, 'the spec');
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
  const lineOf = (pointer: string): number | undefined => lineAt(yaml(), text, pointer);
  const spec = specFromDocument(doc, {
    path,
    digest,
    lineOf,
    schemasChecked: cached?.schemasChecked === true,
    markSchemasChecked: () => writeCachedSpec(digest, { doc: spec.doc, schemasChecked: true }),
  });
  if (!cached) writeCachedSpec(digest, { doc: spec.doc, schemasChecked: false });
  return spec;
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
