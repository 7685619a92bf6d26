import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { Spec } from '../openapi/load-spec.ts';
import { indexPointers } from '../openapi/pointer.ts';
import { createAjv } from './create-ajv.ts';

/** One compiled schema with the means to turn its errors back into places in openapi.yaml. */
export interface CompiledSchemas {
  /** Validates the body against the schema with every `x-ocpi` rule folded in, in one pass, with all errors. */
  readonly body: ValidateFunction;
  /**
   * The hot path: the same schema with unknown properties forbidden, stopping at the first failure. When it
   * passes, the body has no schema error, no OCPI breach of a single field and no unknown property.
   */
  readonly clean: ValidateFunction;
  /** Pointer of every schema node `body` was compiled from (the spec with the OCPI rules folded in); merged nodes keep their original pointer. */
  readonly mergedPointers: Map<object, string>;
  /** A validator per parameter, keyed `in:name`. */
  readonly parameters: Map<string, ValidateFunction>;
}

const specId = 'openapi.yaml';

/** Compiles the body and parameter schemas of the operation once; nothing is copied by hand. */
export function compileSchemas(spec: Spec): CompiledSchemas {
  const mergedDoc = foldOcpiRules(spec.doc);
  // verbose gives each error its parentSchema, which `mergedPointers` maps back to a pointer in openapi.yaml.
  // The fast instance below checks the document against the JSON Schema meta-schema (unless this very text
  // passed it before: spec-cache.ts); doing it twice would compile the meta-schema twice at start-up.
  const ajv = createAjv({ allErrors: true, verbose: true, validateFormats: true, validateSchema: false });
  ajv.addSchema(mergedDoc, specId);
  const ref = (pointer: string) => ({ $ref: `${specId}#${encodeURI(pointer)}` });
  const parameters = new Map<string, ValidateFunction>();
  for (const parameter of spec.operation.parameters) {
    parameters.set(`${parameter.in}:${parameter.name}`, ajv.compile(ref(parameter.schemaPointer)));
  }
  // `unicode: false` measures lengths in UTF-16 units: never shorter than characters, so this check is at least
  // as strict as the reporting one and a pass here is a pass there.
  const fastAjv = createAjv({ allErrors: false, unicode: false, validateSchema: !spec.schemasChecked });
  fastAjv.addSchema(closeObjects(mergedDoc), specId);
  // The reporting validator and the pointer index serve only bodies with issues: built on first use, they keep
  // about half of the compile work off the mock's start-up.
  let body: ValidateFunction | undefined;
  let mergedPointers: Map<object, string> | undefined;
  return {
    get body() {
      body ??= ajv.compile(ref(spec.operation.bodyPointer));
      return body;
    },
    clean: fastAjv.compile(ref(spec.operation.bodyPointer)),
    get mergedPointers() {
      mergedPointers ??= indexPointers(mergedDoc);
      return mergedPointers;
    },
    parameters,
  };
}

/** A copy in which every object schema that lists its properties and says nothing else forbids the rest. */
function closeObjects(doc: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(doc);
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    for (const child of Object.values(node)) visit(child);
    const record = node as Record<string, unknown>;
    if (
      record.properties &&
      typeof record.properties === 'object' &&
      record.additionalProperties === undefined
    ) {
      record.additionalProperties = false;
    }
  };
  visit(copy.components);
  visit(copy.paths);
  return copy;
}

/**
 * Copies the document and merges each `x-ocpi.rule` into the schema that carries it (decision 8), so one ajv
 * pass finds both schema errors and OCPI breaches; `classify` tells them apart afterwards.
 */
function foldOcpiRules(doc: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(doc);
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const record = node as Record<string, unknown>;
    for (const [key, child] of Object.entries(record)) if (key !== 'x-ocpi') visit(child);
    const rule = (record['x-ocpi'] as { rule?: Record<string, unknown> } | undefined)?.rule;
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
