// Checking in the page itself: the validator generated from the spec (ajv standalone code and the spec as data),
// so nothing is compiled and no `unsafe-eval` is needed, and the report is the CLI's own.
import { projectSpec } from '../../../src/core/openapi/project-spec.ts';
import { reportPayload, summariseReports } from '../../../src/core/report/report-payload.ts';
import type { RunReport } from '../../../src/core/report/validate-report.ts';
import { createValidator, type Validator } from '../../../src/core/validation/validator.ts';

let validator: Validator | undefined;

/** The digest of the spec the page can check against itself (the one its validators were generated from). */
export const localSpecDigest = (): string => projectSpec().digest;

/** Checks a payload text as `validate --format json` does for one file named `payload`. */
export function checkLocally(text: string, strict: boolean): RunReport {
  validator ??= createValidator();
  return summariseReports([reportPayload(validator, 'payload', text, strict)]);
}

/** The spec the page checks against, as a document (for the OCPI mapping). */
export const localSpecDocument = (): Record<string, unknown> => projectSpec().doc;
