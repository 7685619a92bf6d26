import { getAtPointer, joinPointer } from '../openapi/pointer.ts';
import { resolveRef } from '../openapi/resolve-ref.ts';

type Json = Record<string, unknown>;

/** A path into a request body: property names, and 0 for "the first element" of an array. */
export type BodyPath = readonly (string | number)[];

/** What a schema node asks of a value, reduced to what case derivation needs. */
export type SiteKind =
  | { kind: 'object'; required: readonly string[]; typedAdditional: boolean }
  | { kind: 'array' }
  | { kind: 'enum'; pointer: string; names: readonly string[]; numbers: readonly number[] }
  | {
      kind: 'scalar';
      type: 'string' | 'boolean' | 'integer' | 'number';
      format?: string;
      /** The OCPI rule's length limit (advice only), so a long string can stay within it. */
      adviceMaxLength?: number;
    };

/** One place in the body schema a value can go, with the hard constraints of the value there. */
export type Site = SiteKind & {
  readonly path: BodyPath;
  readonly nullable: boolean;
  /** Whether this is an element of an array (`facilities[0]`), where a nested violation hides. */
  readonly inArray: boolean;
};

/**
 * Every site of the request body schema, depth first in the spec's order of properties. Only the schema's own
 * keywords count: the `x-ocpi` rules are advice (warnings), so they never make a value right or wrong here.
 */
export function listSites(doc: Json, bodyPointer: string): Site[] {
  const sites: Site[] = [];
  const visit = (pointer: string, path: BodyPath, inArray: boolean, depth: number): void => {
    if (depth > 8) return;
    const { node, pointer: at } = resolveRef(doc, getAtPointer(doc, pointer), pointer);
    if (!node) return;
    const { schema, schemaPointer, nullable } = unwrapNullable(doc, node, at);
    const kind = kindOf(schema, schemaPointer);
    if (!kind) return;
    if (path.length > 0) sites.push({ ...kind, path, nullable, inArray });
    if (kind.kind === 'object') {
      for (const name of Object.keys((schema.properties ?? {}) as Json))
        visit(joinPointer(schemaPointer, 'properties', name), [...path, name], false, depth + 1);
    } else if (kind.kind === 'array') {
      visit(joinPointer(schemaPointer, 'items'), [...path, 0], true, depth + 1);
    }
  };
  visit(bodyPointer, [], false, 0);
  return sites;
}

/** `anyOf: [X, {type: 'null'}]` is X that also takes null. */
function unwrapNullable(
  doc: Json,
  node: Json,
  pointer: string,
): { schema: Json; schemaPointer: string; nullable: boolean } {
  const types = Array.isArray(node.type) ? (node.type as string[]) : [];
  if (Array.isArray(node.anyOf)) {
    const branches = node.anyOf as Json[];
    const nonNull = branches.findIndex((branch) => branch.type !== 'null');
    if (branches.length === 2 && branches.some((branch) => branch.type === 'null') && nonNull >= 0) {
      const at = joinPointer(pointer, 'anyOf', nonNull);
      const resolved = resolveRef(doc, branches[nonNull], at);
      return { schema: resolved.node, schemaPointer: resolved.pointer, nullable: true };
    }
  }
  if (types.includes('null') && types.length === 2) {
    return {
      schema: { ...node, type: types.find((t) => t !== 'null') },
      schemaPointer: pointer,
      nullable: true,
    };
  }
  return { schema: node, schemaPointer: pointer, nullable: false };
}

function kindOf(schema: Json, pointer: string): SiteKind | undefined {
  const rule = (schema['x-ocpi'] as Json | undefined)?.rule as Json | undefined;
  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf as Json[];
    if (branches.length > 0 && branches.every((branch) => Array.isArray(branch.enum))) {
      const values = branches.flatMap((branch) => branch.enum as unknown[]);
      return {
        kind: 'enum',
        pointer,
        names: values.filter((value): value is string => typeof value === 'string'),
        numbers: values.filter((value): value is number => typeof value === 'number'),
      };
    }
    return undefined;
  }
  if (Array.isArray(schema.enum)) {
    const values = schema.enum as unknown[];
    return {
      kind: 'enum',
      pointer,
      names: values.filter((value): value is string => typeof value === 'string'),
      numbers: [],
    };
  }
  switch (schema.type) {
    case 'object':
      return {
        kind: 'object',
        required: (schema.required ?? []) as string[],
        typedAdditional: typeof schema.additionalProperties === 'object',
      };
    case 'array':
      return { kind: 'array' };
    case 'string':
    case 'boolean':
    case 'integer':
    case 'number':
      return {
        kind: 'scalar',
        type: schema.type,
        ...(typeof schema.format === 'string' ? { format: schema.format } : {}),
        ...(typeof rule?.maxLength === 'number' ? { adviceMaxLength: rule.maxLength } : {}),
      };
    default:
      return undefined;
  }
}

/** The dotted name of a path, for case names: `operator.logo.category`, `facilities[0]`. */
export function pathName(path: BodyPath): string {
  return path
    .map((token, i) => (typeof token === 'number' ? `[${token}]` : i === 0 ? token : `.${token}`))
    .join('');
}

/** The JSON pointer of a path, as the validator's `instancePath`. */
export function pathPointer(path: BodyPath): string {
  return joinPointer('', ...path);
}
