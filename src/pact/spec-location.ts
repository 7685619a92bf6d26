import { escapeToken, getAtPointer } from '../core/openapi/pointer.ts';
import { refPointer } from '../core/openapi/resolve-ref.ts';
import type { Spec } from '../core/openapi/spec.ts';

/** Where a comparator finding points in the spec: a JSON pointer into the file and, when known, its line. */
export interface SpecLocation {
  readonly pointer: string;
  readonly line?: number;
}

/**
 * Turns the comparator's dotted location (`[root].paths./x.post.requestBody.content.application/json.schema
 * .components.schemas.GeoLocation.properties.latitude.type`) into a JSON pointer (RFC 6901) into the spec,
 * following `$ref`s, so that the finding can name the line of the rule in openapi.yaml.
 */
export function locateInSpec(
  spec: Spec,
  location: string,
  pathName?: string | null,
  method?: string | null,
): SpecLocation {
  let rest = location.replace(/^\[root\]\.?/, '');
  const tokens: string[] = [];
  const operationPrefix = pathName && method ? `paths.${pathName}.${method}` : undefined;
  if (operationPrefix && rest.startsWith(operationPrefix)) {
    tokens.push('paths', pathName as string, method as string);
    rest = rest.slice(operationPrefix.length);
  }
  const more = rest
    .split('.')
    .filter((token) => token !== '')
    .flatMap((token) => token.replace(/\[(\d+)\]/g, '.$1').split('.'));
  // The comparator keeps $refs: a schema path continues with "components.schemas.X" from the document root.
  const components = more.indexOf('components');
  if (components > 0 && more[components - 1] === 'schema') {
    return resolve(spec, more.slice(components));
  }
  return resolve(spec, [...tokens, ...more]);
}

/** Walks the tokens through the document, jumping through `$ref`s; stops at the deepest node that exists. */
function resolve(spec: Spec, tokens: string[]): SpecLocation {
  let node: unknown = spec.doc;
  let pointer = '';
  for (const token of tokens) {
    let record = node as Record<string, unknown> | null;
    if (
      record !== null &&
      typeof record === 'object' &&
      !(token in record) &&
      typeof record.$ref === 'string'
    ) {
      pointer = refPointer(record.$ref);
      node = getAtPointer(spec.doc, pointer);
      record = node as Record<string, unknown> | null;
    }
    if (record === null || typeof record !== 'object' || !(token in record)) break;
    node = record[token];
    pointer = `${pointer}/${escapeToken(token)}`;
  }
  const line = spec.lineOf(pointer);
  return line === undefined ? { pointer } : { pointer, line };
}
