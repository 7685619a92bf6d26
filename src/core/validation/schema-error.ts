import { ConfigError } from '../config-error.ts';
import { joinPointer } from '../openapi/pointer.ts';
import type { Spec } from '../openapi/spec.ts';
import { createAjv } from './create-ajv.ts';

/**
 * Explains why ajv could not compile the spec's schemas: finds the first schema that breaks the JSON Schema
 * 2020-12 meta-schema and names the file, the line and the pointer. Runs only after a compile failed, so a good
 * spec pays nothing for it.
 */
export function schemaSpecError(spec: Spec, error: unknown): ConfigError {
  const reason = error instanceof Error ? error.message : String(error);
  const meta = createAjv({}, false);
  for (const [pointer, schema] of schemasOf(spec.doc)) {
    if (meta.validateSchema(schema)) continue;
    const first = meta.errors?.[0];
    const at = `${pointer}${first?.instancePath ?? ''}`;
    const line = spec.lineOf(at) ?? spec.lineOf(pointer);
    return new ConfigError(
      `${spec.path}${line ? `:${line}` : ''}: the schema at #${at} is not valid JSON Schema (${first?.message ?? reason})`,
    );
  }
  return new ConfigError(`${spec.path}: the schemas cannot be compiled (${reason})`);
}

/** Every schema of an OpenAPI document: the components' schemas and each `schema` of a parameter or media type. */
function* schemasOf(doc: Record<string, unknown>): Generator<[string, object]> {
  const stack: [string, unknown, string][] = [['', doc, '']];
  while (stack.length > 0) {
    const [pointer, node, key] = stack.pop() as [string, unknown, string];
    if (node === null || typeof node !== 'object') continue;
    const inSchemas = pointer.startsWith('/components/schemas/') && pointer.split('/').length === 4;
    if (key === 'schema' || inSchemas) {
      yield [pointer, node];
      continue;
    }
    for (const [name, child] of Object.entries(node)) {
      if (name.startsWith('x-') || name === 'example' || name === 'examples') continue;
      stack.push([joinPointer(pointer, name), child, name]);
    }
  }
}
