import type { components } from '../../generated/openapi.ts';
import { problemJson } from '../openapi/media-types.ts';

/** One validator finding, as sent in an RFC 9457 problem document by providers that offer them. */
export type Issue = components['schemas']['Issue'];

/** What went wrong, named after eMabler's documented responses (and 413, which the mock adds). */
export type FailureKind =
  | 'bad-request'
  | 'unauthorised'
  | 'customer-not-found'
  | 'payload-too-large'
  | 'unexpected';

/** A refused request as a value: the status, its kind, the provider's sentence and any validator issues. */
export interface AddLocationFailure {
  readonly ok: false;
  readonly status: number;
  readonly kind: FailureKind;
  /** eMabler's sentence ("Not authorised") or the problem document's `title`. */
  readonly message: string;
  /** The problem document's `detail`, when the provider sent one. */
  readonly detail?: string;
  /** The validator's issues, when the provider sent a problem document with them. */
  readonly issues?: Issue[];
}

/** The failure kind of each status the spec documents an answer for (a test holds it to openapi.yaml). */
export const failureKinds: Readonly<Record<number, FailureKind>> = {
  400: 'bad-request',
  401: 'unauthorised',
  404: 'customer-not-found',
  413: 'payload-too-large',
};

/** Turns a non-2xx response body (text/plain or application/problem+json, RFC 9457) into a failure value. */
export function readFailure(status: number, contentType: string | null, text: string): AddLocationFailure {
  const kind = failureKinds[status] ?? 'unexpected';
  const problem = isProblemJson(contentType) ? parseProblem(text) : undefined;
  if (problem) {
    return {
      ok: false,
      status,
      kind,
      message: problem.title ?? fallbackMessage(status, text),
      ...(problem.detail === undefined ? {} : { detail: problem.detail }),
      ...(problem.issues === undefined ? {} : { issues: problem.issues }),
    };
  }
  return { ok: false, status, kind, message: fallbackMessage(status, text) };
}

function isProblemJson(contentType: string | null): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === problemJson;
}

/** Keeps only the members this client understands, each only when it has the documented type. */
function parseProblem(text: string): { title?: string; detail?: string; issues?: Issue[] } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const text_ = (key: string): string | undefined =>
    typeof record[key] === 'string' ? record[key] : undefined;
  const issues = Array.isArray(record.issues) ? (record.issues as Issue[]) : undefined;
  return {
    ...(text_('title') === undefined ? {} : { title: text_('title') }),
    ...(text_('detail') === undefined ? {} : { detail: text_('detail') }),
    ...(issues === undefined ? {} : { issues }),
  };
}

function fallbackMessage(status: number, text: string): string {
  const trimmed = text.trim();
  return trimmed === '' ? `HTTP ${status}` : trimmed.slice(0, 500);
}
