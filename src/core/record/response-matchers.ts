import { resolveRef } from '../openapi/resolve-ref.ts';
import type { Json } from './canonical-json.ts';
import { type RuleList, rule } from './pact-v4.ts';

type Schema = Record<string, unknown>;

/** A JSON answer as a pact keeps it: values that change between runs replaced, and the rules that match them. */
export interface MatchedBody {
  readonly content: Json;
  readonly rules: Record<string, RuleList>;
}

/**
 * Derives the body matchers of a JSON answer from its schema: a string with a `pattern` (the location id) is
 * matched by that regex and stored as the schema's own example, so two runs that got different ids write the
 * same file; a `const` or `enum` value stays literal; every other leaf is matched by type, since a consumer
 * relies on its presence and type, not on the provider's wording. Arrays keep a `min: 1` type rule.
 */
export function matchResponseBody(doc: unknown, schemaPointer: string, value: unknown): MatchedBody {
  const rules: Record<string, RuleList> = {};
  const schemaAt = (node: unknown, pointer: string): Schema | undefined =>
    node && typeof node === 'object' ? resolveRef(doc, node, pointer).node : undefined;
  const walk = (data: unknown, schema: Schema | undefined, path: string): Json => {
    if (Array.isArray(data)) {
      if (data.length > 0) rules[path] = rule({ match: 'type', min: 1 });
      const items = schemaAt(schema?.items, `${schemaPointer}/items`);
      return data.map((item, i) => walk(item, items, i === 0 ? `${path}[*]` : `${path}[#]`));
    }
    if (data !== null && typeof data === 'object') {
      const properties = (schema?.properties ?? {}) as Record<string, unknown>;
      const out: Record<string, Json> = {};
      for (const [key, child] of Object.entries(data)) {
        const childSchema = schemaAt(properties[key], schemaPointer);
        out[key] = walk(
          child,
          childSchema,
          `${path}${/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `['${key}']`}`,
        );
      }
      return out;
    }
    // Items after the first are matched by the first's rules (`[*]`); they get none of their own.
    if (path.includes('[#]') || data === null) return data as Json;
    if (schema && ('const' in schema || Array.isArray(schema.enum))) return data as Json;
    if (typeof data === 'string' && typeof schema?.pattern === 'string') {
      rules[path] = rule({ match: 'regex', regex: schema.pattern });
      return exampleOf(schema, schema.pattern) ?? data;
    }
    rules[path] = rule({ match: 'type' });
    return data as Json;
  };
  const root = schemaAt({ $ref: `#${schemaPointer}` }, schemaPointer);
  return { content: walk(value, root, '$'), rules };
}

/** The schema's first example that its own pattern accepts. */
function exampleOf(schema: Schema, pattern: string): string | undefined {
  const candidates = [...(Array.isArray(schema.examples) ? schema.examples : []), schema.example];
  const regex = new RegExp(pattern, 'u');
  return candidates.find((c): c is string => typeof c === 'string' && regex.test(c));
}

/** The regex a `Content-Type` header is matched with: its media type, any parameters. */
export function contentTypeRule(contentType: string): RuleList {
  const media = contentType.split(';')[0]?.trim() ?? contentType;
  return rule({ match: 'regex', regex: `^${media.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(;.*)?$` });
}
