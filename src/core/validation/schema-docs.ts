// The documents ajv compiles, derived from the spec: the same for validators compiled at run time and for the
// ones `npm run generate` writes as standalone code, so both report alike.
import { indexPointers } from '../openapi/pointer.ts';

type Json = Record<string, unknown>;

/** The key under which each schema node of the reporting document carries its pointer into openapi.yaml. */
export const pointerKey = 'x-pointer';

/** The pointer into openapi.yaml of a schema node ajv reports as an error's `parentSchema`. */
export function pointerOfSchema(node: unknown): string | undefined {
  const pointer = (node as Json | null | undefined)?.[pointerKey];
  return typeof pointer === 'string' ? pointer : undefined;
}

/**
 * The reporting document: the spec with each `x-ocpi.rule` merged into the schema that carries it (decision 8),
 * so one ajv pass finds both schema errors and OCPI breaches, and every schema node annotated with its pointer
 * (a merged node keeps the one it has in the spec, inside `x-ocpi/rule` for a rule's own subschemas), so that an
 * error's `parentSchema` names its place in openapi.yaml also from generated code, where identity is lost.
 */
export function reportingDocument(doc: Json): Json {
  const folded = foldOcpiRules(doc);
  const pointers = indexPointers(folded);
  for (const node of schemaNodes(folded)) {
    const pointer = pointers.get(node);
    if (pointer !== undefined) node[pointerKey] = pointer;
    // Words for people: the reporting layer reads them from the spec itself, and generated code is smaller without.
    for (const key of prose) delete node[key];
  }
  return folded;
}

const prose = ['description', 'title', 'example', 'examples', 'x-ocpi', 'x-aliases'];

/** A copy in which every object schema that lists its properties and says nothing else forbids the rest. */
export function closedDocument(doc: Json): Json {
  const copy = structuredClone(doc);
  for (const node of schemaNodes(copy)) {
    if (node.properties && typeof node.properties === 'object' && node.additionalProperties === undefined)
      node.additionalProperties = false;
  }
  return copy;
}

function foldOcpiRules(doc: Json): Json {
  const copy = structuredClone(doc);
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const record = node as Json;
    for (const [key, child] of Object.entries(record)) if (key !== 'x-ocpi') visit(child);
    const rule = (record['x-ocpi'] as { rule?: Json } | undefined)?.rule;
    if (!rule) return;
    for (const [keyword, value] of Object.entries(rule)) {
      record[keyword] =
        keyword === 'required' && Array.isArray(record.required)
          ? [...record.required, ...(value as string[])]
          : value;
    }
  };
  visit(copy);
  return copy;
}

const oneSchema = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'];
const schemaLists = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
const schemaMaps = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

/** Every schema node of an OpenAPI document: from the components and every `schema`, through each keyword. */
function schemaNodes(doc: Json): Set<Json> {
  const found = new Set<Json>();
  const schema = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || found.has(node as Json)) return;
    const record = node as Json;
    found.add(record);
    for (const key of oneSchema) schema(record[key]);
    for (const key of schemaLists)
      if (Array.isArray(record[key])) for (const item of record[key]) schema(item);
    for (const key of schemaMaps)
      for (const child of Object.values((record[key] ?? {}) as Json)) schema(child);
  };
  const holders = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'schema') schema(child);
      else if (!key.startsWith('x-') && key !== 'example' && key !== 'examples') holders(child);
    }
  };
  const components = (doc.components ?? {}) as Json;
  for (const child of Object.values((components.schemas ?? {}) as Json)) schema(child);
  holders(doc.paths);
  holders(components.parameters);
  holders(components.responses);
  holders(components.requestBodies);
  return found;
}
