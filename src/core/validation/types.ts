import type { components } from '../../generated/openapi.ts';

/** One finding of the validator; the shape is defined by `#/components/schemas/Issue` in openapi.yaml. */
export type Issue = components['schemas']['Issue'];

/** Which of eMabler's two enum renderings a payload used. */
export type EnumForm = 'names' | 'numbers' | 'mixed' | 'none';

/** Options of one validation run. */
export interface ValidateOptions {
  /** Report OCPI 2.2.1 rule breaches (decision 8) and unknown properties, which the API drops, as errors. */
  readonly strict?: boolean;
}

/** The outcome of validating one request body. `ok` is false when there is at least one error. */
export interface BodyResult {
  readonly ok: boolean;
  /** Errors first, then warnings, then infos; in each group schema issues (in the spec's order), unknown properties, then cross-field rules. */
  readonly issues: Issue[];
  readonly errors: number;
  readonly warnings: number;
  readonly enumForm: EnumForm;
}

/** The request inputs other than the body, as the mock receives them. */
export interface RequestInputs {
  readonly path?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly headers?: Readonly<Record<string, string | undefined>>;
}

/** Options of parsing one request body. */
export interface ParseOptions {
  /** Deepest nesting of objects and arrays accepted; default unlimited (the mock sets one). */
  readonly maxDepth?: number;
}

/** The issue of a text that could not be parsed, with the 1-based line and column where it went wrong. */
export type ParseIssue = Issue & { readonly line?: number; readonly column?: number };

/** A JSON text parsed into a value, or the one issue that says why it could not be. */
export type ParseResult = { ok: true; value: unknown } | { ok: false; issue: ParseIssue };
