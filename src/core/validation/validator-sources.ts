import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { Spec } from '../openapi/spec.ts';
import { createAjv } from './create-ajv.ts';
import { closedDocument, reportingDocument } from './schema-docs.ts';

/** The id the spec's document has inside ajv; `$ref`s into it read `openapi.yaml#/...`. */
export const specId = 'openapi.yaml';

/** A `$ref` to a node of the spec by its pointer. */
export const refTo = (pointer: string): string => `${specId}#${encodeURI(pointer)}`;

/** The name of a parameter's validator, for the generated module and the compiled set alike. */
export const parameterKey = (parameter: { in: string; name: string }): string =>
  `${parameter.in}:${parameter.name}`;

/**
 * The two ajv instances a validator is compiled with, with the spec added. `report` has every error and each
 * error's `parentSchema` (annotated with its pointer); `clean` is the hot path: closed objects, first failure
 * only, lengths in UTF-16 units (never shorter than characters, so a pass there is a pass in `report`).
 */
export function createSchemaAjvs(spec: Spec, code = false): { report: Ajv2020; clean: Ajv2020 } {
  const source = code ? { code: { source: true, esm: true } } : {};
  const doc = reportingDocument(spec.doc);
  const report = createAjv({
    allErrors: true,
    verbose: true,
    validateFormats: true,
    validateSchema: false,
    ...source,
  }).addSchema(doc, specId);
  const clean = createAjv({
    allErrors: false,
    unicode: false,
    // Generated code must not depend on the cache: checking against the meta-schema first renumbers its functions.
    validateSchema: !code && !spec.schemasChecked,
    ...source,
  }).addSchema(closedDocument(doc), specId);
  return { report, clean };
}
