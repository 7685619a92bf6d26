import type { DroppedField } from '../ocpi/convert.ts';
import type { FromOcpiResult } from '../ocpi/from-ocpi.ts';
import type { OcpiInputForm } from '../ocpi/read-ocpi-input.ts';
import type { Issue } from '../validation/types.ts';
import { type Envelope, type EnvelopeSummary, envelope } from './envelope.ts';
import { plural } from './text.ts';

/** One converted location, as `from-ocpi --report json` prints it (one entry of `results`). */
export interface ConversionReport {
  /** The input as the user gave it (`stdin` for `-`). */
  readonly input: string;
  /** How the input held its locations: one object, an array, an OCPI response or NDJSON. */
  readonly form?: OcpiInputForm;
  /** The OCPI `id` of the location, or `location N` (1-based) when it has none. */
  readonly id: string;
  readonly index: number;
  readonly ok: boolean;
  readonly strict: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly dropped: DroppedField[];
  /** The validator's issues about the body (pointers into the body, not into the OCPI input). */
  readonly issues: Issue[];
}

/** The whole run of `from-ocpi`: the one envelope, with locations, those with errors and fields dropped counted. */
export type ConversionRunReport = Envelope<ConversionReport> & {
  readonly summary: EnvelopeSummary & {
    readonly locations: number;
    readonly withoutErrors: number;
    readonly withErrors: number;
    readonly dropped: number;
  };
};

/** The name a location goes by in reports and `--out` file names. */
export function locationLabel(location: unknown, index: number): string {
  const id = (location as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.trim() !== '' ? id : `location ${index + 1}`;
}

/** Builds the run's report from each location and what `fromOcpiLocation` made of it. */
export function summariseConversions(
  input: string,
  form: OcpiInputForm,
  strict: boolean,
  converted: ReadonlyArray<{ location: unknown; result: FromOcpiResult }>,
): ConversionRunReport {
  const results = converted.map(({ location, result }, index) => ({
    input,
    form,
    id: locationLabel(location, index),
    index,
    ok: result.ok,
    strict,
    errors: result.issues.filter((issue) => issue.severity === 'error').length,
    warnings: result.issues.filter((issue) => issue.severity === 'warning').length,
    dropped: result.dropped,
    issues: result.issues,
  }));
  return summarise(results);
}

/**
 * The report of an input that holds no location to convert (unreadable, not JSON, no Location): one result with
 * the reason as an issue of its own, so `--report json` says why rather than listing nothing.
 */
export function reportUnconvertible(
  input: string,
  code: string,
  message: string,
  strict: boolean,
): ConversionRunReport {
  const issue: Issue = { severity: 'error', code, instancePath: '', specPointer: '', message };
  const result = {
    input,
    id: input,
    index: 0,
    ok: false,
    strict,
    errors: 1,
    warnings: 0,
    dropped: [],
    issues: [issue],
  };
  // The one result is the input itself: no location was read, so none is counted.
  const summary = { errors: 1, warnings: 0, locations: 0, withoutErrors: 0, withErrors: 0, dropped: 0 };
  return { ...envelope('from-ocpi', false, summary, [result]), summary };
}

function summarise(results: ConversionReport[]): ConversionRunReport {
  const withoutErrors = results.filter((location) => location.ok).length;
  const summary = {
    errors: results.reduce((sum, location) => sum + location.errors, 0),
    warnings: results.reduce((sum, location) => sum + location.warnings, 0),
    locations: results.length,
    withoutErrors,
    withErrors: results.length - withoutErrors,
    dropped: results.reduce((sum, location) => sum + location.dropped.length, 0),
  };
  return { ...envelope('from-ocpi', withoutErrors === results.length, summary, results), summary };
}

/** The text report (stderr): one line per dropped field and per issue, then a summary line. */
export function formatConversionText(report: ConversionRunReport): string {
  const lines: string[] = [];
  for (const location of report.results) {
    for (const field of location.dropped)
      lines.push(`${location.id}: dropped ${field.path}: ${field.reason}`);
    for (const issue of location.issues) {
      const path = issue.instancePath === '' ? '(body)' : issue.instancePath;
      lines.push(`${location.id}: ${issue.severity} ${path}  ${issue.message}`);
    }
  }
  const s = report.summary;
  lines.push(
    `from-ocpi: ${plural(s.locations, 'location')} converted${report.results.some((location) => location.strict) ? ' (strict)' : ''}: ${s.withoutErrors} without errors, ${s.withErrors} with errors; ${plural(s.dropped, 'field')} dropped`,
  );
  return `${lines.join('\n')}\n`;
}
