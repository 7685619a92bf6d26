import type { Issue } from '../validation/types.ts';
import type { Validator } from '../validation/validator.ts';
import { envelope } from './envelope.ts';
import { type FileReport, placeIssues, type RunReport } from './validate-report.ts';

/**
 * Checks one payload text as `validate` does and reports it as one entry of `--format json`'s `results`. The
 * mock's `/__mock/validate` calls it too, so the payload checker page lists exactly what the CLI prints.
 */
export function reportPayload(validator: Validator, file: string, text: string, strict: boolean): FileReport {
  const parsed = validator.parseBody(text);
  if (!parsed.ok) {
    return {
      file,
      ok: false,
      strict,
      errors: 1,
      warnings: 0,
      issues: [{ ...parsed.issue }],
      inputError: parsed.issue.message,
    };
  }
  const result = validator.validateBody(parsed.value, { strict });
  return {
    file,
    ok: result.ok,
    strict,
    errors: result.errors,
    warnings: result.warnings,
    enumForm: result.enumForm,
    issues: placeIssues(text, result.issues),
  };
}

/**
 * The report of an input that could not be read (missing, a directory, binary, not UTF-8, empty): one issue of
 * its own, so a machine reading the JSON sees why, not an empty list.
 */
export function reportUnreadable(file: string, message: string, strict: boolean): FileReport {
  const issue: Issue = {
    severity: 'error',
    code: 'input-unreadable',
    instancePath: '',
    specPointer: '',
    message,
  };
  return { file, ok: false, strict, errors: 1, warnings: 0, issues: [issue], inputError: message };
}

/** The whole run's envelope: every file's report and the totals. */
export function summariseReports(files: FileReport[]): RunReport {
  const valid = files.filter((file) => file.ok).length;
  const summary = {
    errors: files.reduce((sum, file) => sum + file.errors, 0),
    warnings: files.reduce((sum, file) => sum + file.warnings, 0),
    files: files.length,
    valid,
    invalid: files.length - valid,
  };
  return { ...envelope('validate', valid === files.length, summary, files), summary };
}
