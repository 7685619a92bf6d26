import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Spec } from '../spec/load-spec.ts';
import { indexPointers } from '../spec/pointer.ts';

/** One compiled schema with the means to turn its errors back into places in openapi.yaml. */
export interface CompiledSchemas {
  /** Validates the body against the schema with every `x-ocpi` rule folded in, in one pass. */
  readonly body: ValidateFunction;
  /** The spec document with the OCPI rules folded in (what `body` was compiled from). */
  readonly mergedDoc: Record<string, unknown>;
  /** Pointer of every schema node of `mergedDoc`; merged nodes keep their original pointer. */
  readonly mergedPointers: Map<object, string>;
  /** A validator per parameter, keyed `in:name`. */
  readonly parameters: Map<string, ValidateFunction>;
}

const specId = 'openapi.yaml';

/** Compiles the body and parameter schemas of the operation once; nothing is copied by hand. */
export function compileSchemas(spec: Spec): CompiledSchemas {
  const mergedDoc = foldOcpiRules(spec.doc);
  // verbose gives each error its parentSchema, which `mergedPointers` maps back to a pointer in openapi.yaml.
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, validateFormats: true });
  addFormats.default(ajv);
  ajv.addSchema(mergedDoc, specId);
  const ref = (pointer: string) => ({ $ref: `${specId}#${encodeURI(pointer)}` });
  const parameters = new Map<string, ValidateFunction>();
  for (const parameter of spec.operation.parameters) {
    parameters.set(`${parameter.in}:${parameter.name}`, ajv.compile(ref(parameter.schemaPointer)));
  }
  return {
    body: ajv.compile(ref(spec.operation.bodyPointer)),
    mergedDoc,
    mergedPointers: indexPointers(mergedDoc),
    parameters,
  };
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
