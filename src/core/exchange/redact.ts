import { createQueryRedactor } from '../openapi/redact-query.ts';
import type { Spec } from '../openapi/spec.ts';
import type { Issue } from '../validation/types.ts';

/** Shorter values are not masked: `***` in place of every `a` would ruin a report and hide nothing. */
const shortest = 3;

/** Masks credentials in what a report keeps of an exchange: the query's credential values, and any echo of a secret. */
export interface ExchangeRedactor {
  /** The query string (no `?`) with the values of the spec's credential parameters replaced by `***`. */
  query(query: string): string;
  /** A text with every secret of the exchange replaced by `***`, raw or percent-encoded. */
  text(text: string, secrets: readonly string[]): string;
  /** The same for the messages of issues. */
  issues(issues: readonly Issue[], secrets: readonly string[]): Issue[];
}

/** Builds the redactor of a spec's credentials (decision 3: a header key or the v1 query pair). */
export function createExchangeRedactor(spec: Spec): ExchangeRedactor {
  const text = (value: string, secrets: readonly string[]) => {
    let out = value;
    for (const secret of secrets) {
      if (secret.length < shortest) continue;
      out = out.replaceAll(secret, '***');
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) out = out.replaceAll(encoded, '***');
    }
    return out;
  };
  return {
    query: createQueryRedactor(spec),
    text,
    issues: (issues, secrets) =>
      secrets.length === 0
        ? [...issues]
        : issues.map((issue) => ({ ...issue, message: text(issue.message, secrets) })),
  };
}
