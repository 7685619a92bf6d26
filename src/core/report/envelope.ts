/** The version of the JSON envelope every command prints; it changes only when a field changes meaning. */
export const envelopeVersion = 1;

/** Counts every command reports under the same names. */
export interface EnvelopeSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly [count: string]: number;
}

/**
 * The one JSON shape of every command's `--format json`: which tool and shape version, which command, whether
 * all is well (`ok` decides exit 0 or 1), the counts, then one result per thing checked (a file, an interaction,
 * a case, an exchange), with paths as the user gave them.
 */
export interface Envelope<R> {
  readonly tool: 'ocpi-location-kit';
  readonly version: typeof envelopeVersion;
  readonly command: string;
  readonly ok: boolean;
  readonly summary: EnvelopeSummary;
  readonly results: readonly R[];
}

/** Builds the envelope of a command's results. */
export function envelope<R>(
  command: string,
  ok: boolean,
  summary: EnvelopeSummary,
  results: readonly R[],
): Envelope<R> {
  return { tool: 'ocpi-location-kit', version: envelopeVersion, command, ok, summary, results };
}
