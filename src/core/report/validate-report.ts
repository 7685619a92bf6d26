import type { Spec } from '../openapi/spec.ts';
import { locateAllInJson } from '../validation/locate-json.ts';
import type { EnumForm, Issue } from '../validation/types.ts';
import type { Envelope, EnvelopeSummary } from './envelope.ts';
import { junitOneSuite } from './junit.ts';
import { escapeMarkup, plural } from './text.ts';

/** The validation of one input, as printed by `validate --format json` (one entry of `results`). */
export interface FileReport {
  /** The path as the user gave it (`stdin` for `-`). */
  readonly file: string;
  readonly ok: boolean;
  /** Whether OCPI advice and unknown properties counted as errors. */
  readonly strict: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly enumForm?: EnumForm;
  /** Issues with `line`/`column` of the offending value in the input, where it could be found. */
  readonly issues: Array<Issue & { line?: number; column?: number }>;
  /** Set when the input could not be read or parsed; `issues` then holds that one issue. */
  readonly inputError?: string;
}

/** The whole run of `validate`: the one envelope, with the files checked, valid and invalid as counts. */
export type RunReport = Envelope<FileReport> & {
  readonly summary: EnvelopeSummary & {
    readonly files: number;
    readonly valid: number;
    readonly invalid: number;
  };
};

/** Adds the input's line and column to each issue, all found in one scan of the text. */
export function placeIssues(text: string, issues: readonly Issue[]): FileReport['issues'] {
  const placed = issues.filter((issue) => issue.location === 'body' && issue.instancePath !== undefined);
  const positions = locateAllInJson(
    text,
    placed.map((issue) => issue.instancePath),
  );
  const at = new Map(placed.map((issue, index) => [issue, positions[index]]));
  return issues.map((issue) => {
    const position = at.get(issue);
    return position ? { ...issue, line: position.line, column: position.column } : { ...issue };
  });
}

/** Human-readable report: one block per file, one line per issue, then a summary line. */
export function formatText(report: RunReport, spec: Spec): string {
  const lines: string[] = [];
  for (const file of report.results) {
    // Unreadable and non-JSON inputs are reported on stderr, one line each, by the command.
    if (file.inputError) continue;
    const verdict = file.ok ? 'valid' : 'INVALID';
    lines.push(
      `${file.file}: ${verdict} (${plural(file.errors, 'error')}, ${plural(file.warnings, 'warning')}, enum form: ${file.enumForm})`,
    );
    for (const issue of file.issues) {
      const where = issue.line ? `${file.file}:${issue.line}:${issue.column}` : file.file;
      const path = issue.instancePath === '' ? '(body)' : issue.instancePath;
      const rule = spec.lineOf(issue.specPointer);
      lines.push(`  ${issue.severity.padEnd(7)} ${path}  ${issue.message}`);
      lines.push(
        `          at ${where}; rule ${issue.code} at openapi.yaml${rule ? `:${rule}` : ''} #${issue.specPointer}`,
      );
    }
  }
  const s = report.summary;
  if (report.results.every((file) => file.inputError)) return '';
  lines.push(
    `${plural(s.files, 'file')} checked${isStrict(report) ? ' (strict)' : ''}: ${s.valid} valid, ${s.invalid} invalid; ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`,
  );
  return `${lines.join('\n')}\n`;
}

/** JUnit XML: one test case per input file, failing on errors; warnings go to system-out. */
export function formatJunit(report: RunReport): string {
  const cases = report.results.map((file) => {
    const name = `validate ${escapeMarkup(file.file)}`;
    const errors = file.issues.filter((issue) => issue.severity === 'error');
    const warnings = file.issues.filter((issue) => issue.severity === 'warning');
    const body: string[] = [];
    if (file.inputError) body.push(`    <error message="${escapeMarkup(file.inputError)}"/>`);
    else if (errors.length > 0) {
      const text = errors
        .map((issue) => `${issue.instancePath || '(body)'}: ${issue.message} [${issue.code}]`)
        .join('\n');
      body.push(
        `    <failure message="${plural(errors.length, 'error')}" type="invalid-payload">${escapeMarkup(text)}</failure>`,
      );
    }
    if (warnings.length > 0) {
      const text = warnings
        .map((issue) => `warning ${issue.instancePath || '(body)'}: ${issue.message} [${issue.code}]`)
        .join('\n');
      body.push(`    <system-out>${escapeMarkup(text)}</system-out>`);
    }
    return body.length === 0
      ? `  <testcase classname="ocpi-location-kit.validate" name="${name}"/>`
      : `  <testcase classname="ocpi-location-kit.validate" name="${name}">\n${body.join('\n')}\n  </testcase>`;
  });
  const failures = report.results.filter((file) => !file.ok && !file.inputError).length;
  const errored = report.results.filter((file) => file.inputError).length;
  const counts = `tests="${report.results.length}" failures="${failures}" errors="${errored}"`;
  return junitOneSuite('validate', `payload validation${isStrict(report) ? ' (strict)' : ''}`, counts, cases);
}

/** Whether the run checked strictly (every file of a run is checked the same way). */
export function isStrict(report: RunReport): boolean {
  return report.results.some((file) => file.strict);
}
