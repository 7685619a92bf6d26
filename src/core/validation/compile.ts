import type { ValidateFunction } from 'ajv/dist/2020.js';
import * as generatedClean from '../../generated/validators-clean.js';
import * as generatedReport from '../../generated/validators-report.js';
import type { Spec } from '../openapi/spec.ts';
import { createSchemaAjvs, parameterKey, refTo } from './validator-sources.ts';

/** One compiled schema set: the body's two validators and one per parameter. */
export interface CompiledSchemas {
  /** Validates the body against the schema with every `x-ocpi` rule folded in, in one pass, with all errors. */
  readonly body: ValidateFunction;
  /**
   * The hot path: the same schema with unknown properties forbidden, stopping at the first failure. When it
   * passes, the body has no schema error, no OCPI breach of a single field and no unknown property.
   */
  readonly clean: ValidateFunction;
  /** A validator per parameter, keyed `in:name`. */
  readonly parameters: Map<string, ValidateFunction>;
  /** Whether these came from the generated code (no compile at run time) rather than from ajv now. */
  readonly generated: boolean;
}

/**
 * The validators of a spec: for the project's own openapi.yaml, the standalone code `npm run generate` wrote
 * (nothing is compiled, no `new Function`); for any other spec, compiled once now.
 */
export function compileSchemas(spec: Spec): CompiledSchemas {
  if (spec.digest === generatedReport.specDigest && spec.digest === generatedClean.specDigest) {
    const parameters = new Map<string, ValidateFunction>();
    generatedReport.parameterNames.forEach((name, i) => {
      const validate = (generatedReport as unknown as Record<string, ValidateFunction>)[`parameter${i}`];
      if (validate) parameters.set(name, validate);
    });
    return { body: generatedReport.body, clean: generatedClean.clean, parameters, generated: true };
  }
  const { report, clean } = createSchemaAjvs(spec);
  const parameters = new Map<string, ValidateFunction>();
  for (const parameter of spec.operation.parameters) {
    parameters.set(parameterKey(parameter), report.compile({ $ref: refTo(parameter.schemaPointer) }));
  }
  // The reporting validator serves only bodies with issues: built on first use, it keeps about half of the
  // compile work off the start-up.
  let body: ValidateFunction | undefined;
  return {
    get body() {
      body ??= report.compile({ $ref: refTo(spec.operation.bodyPointer) });
      return body;
    },
    clean: clean.compile({ $ref: refTo(spec.operation.bodyPointer) }),
    parameters,
    generated: false,
  };
}
