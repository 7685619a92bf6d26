import type { DroppedField } from '../ocpi/convert.ts';
import type { FromOcpiResult } from '../ocpi/from-ocpi.ts';
import type { OcpiInputForm } from '../ocpi/read-ocpi-input.ts';
import type { Issue } from '../validation/types.ts';
import { plural } from './text.ts';

/** One converted location, as `from-ocpi --report json` prints it. */
export interface ConversionReport {
  /** The OCPI `id` of the location, or `location N` (1-based) when it has none. */
  readonly id: string;
  readonly index: number;
  readonly ok: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly dropped: DroppedField[];
  /** The validator's issues about the body (pointers into the body, not into the OCPI input). */
  readonly issues: Issue[];
}

/** The whole run of `from-ocpi`. */
export interface ConversionRunReport {
  readonly ok: boolean;
  readonly strict: boolean;
  readonly form: OcpiInputForm;
  readonly locations: ConversionReport[];
  readonly summary: { locations: number; ok: number; withErrors: number; dropped: number };
}

/** The name a location goes by in reports and `--out` file names. */
export function locationLabel(location: unknown, index: number): string {
  const id = (location as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.trim() !== '' ? id : `location ${index + 1}`;
}

/** Builds the run's report from each location and what `fromOcpiLocation` made of it. */
export function summariseConversions(
  form: OcpiInputForm,
  strict: boolean,
  converted: ReadonlyArray<{ location: unknown; result: FromOcpiResult }>,
): ConversionRunReport {
  const locations = converted.map(({ location, result }, index) => ({
    id: locationLabel(location, index),
    index,
    ok: result.ok,
    errors: result.issues.filter((issue) => issue.severity === 'error').length,
    warnings: result.issues.filter((issue) => issue.severity === 'warning').length,
    dropped: result.dropped,
    issues: result.issues,
  }));
  const ok = locations.filter((location) => location.ok).length;
  return {
    ok: ok === locations.length,
    strict,
    form,
    locations,
    summary: {
      locations: locations.length,
      ok,
      withErrors: locations.length - ok,
      dropped: locations.reduce((sum, location) => sum + location.dropped.length, 0),
    },
  };
}

/** The text report (stderr): one line per dropped field and per issue, then a summary line. */
export function formatConversionText(report: ConversionRunReport): string {
  const lines: string[] = [];
  for (const location of report.locations) {
    for (const field of location.dropped)
      lines.push(`${location.id}: dropped ${field.path}: ${field.reason}`);
    for (const issue of location.issues) {
      const path = issue.instancePath === '' ? '(body)' : issue.instancePath;
      lines.push(`${location.id}: ${issue.severity} ${path}  ${issue.message}`);
    }
  }
  const s = report.summary;
  lines.push(
    `from-ocpi: ${plural(s.locations, 'location')} converted${report.strict ? ' (strict)' : ''}: ${s.ok} without errors, ${s.withErrors} with errors; ${plural(s.dropped, 'field')} dropped`,
  );
  return `${lines.join('\n')}\n`;
}
