import type { Validator } from '../validation/validator.ts';
import { type FileReport, placeIssues, type RunReport } from './validate-report.ts';

/**
 * Checks one payload text as `validate` does and reports it as one entry of `--format json`'s `files`. The
 * mock's `/__mock/validate` calls it too, so the payload checker page lists exactly what the CLI prints.
 */
export function reportPayload(validator: Validator, file: string, text: string, strict: boolean): FileReport {
  const parsed = validator.parseBody(text);
  if (!parsed.ok) {
    return {
      file,
      valid: false,
      errors: 1,
      warnings: 0,
      issues: [{ ...parsed.issue }],
      inputError: parsed.issue.message,
    };
  }
  const result = validator.validateBody(parsed.value, { strict });
  return {
    file,
    valid: result.ok,
    errors: result.errors,
    warnings: result.warnings,
    enumForm: result.enumForm,
    issues: placeIssues(text, result.issues),
  };
}

/** The whole run's document: every file's report and the totals. */
export function summariseReports(files: FileReport[], strict: boolean): RunReport {
  const valid = files.filter((file) => file.valid).length;
  return {
    valid: valid === files.length,
    strict,
    files,
    summary: {
      files: files.length,
      valid,
      invalid: files.length - valid,
      errors: files.reduce((sum, file) => sum + file.errors, 0),
      warnings: files.reduce((sum, file) => sum + file.warnings, 0),
    },
  };
}
