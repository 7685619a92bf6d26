import type { CredentialKind } from '../exchange/exchange.ts';
import type { Issue } from '../validation/types.ts';
import { type Envelope, envelope } from './envelope.ts';
import { junitOneSuite } from './junit.ts';
import { escapeMarkup, plural } from './text.ts';

/** One exchange as a report names it: never a credential, never a header. */
export interface ExchangeRecord {
  /** 1-based, in the order the exchanges finished. */
  readonly index: number;
  readonly method: string;
  /** The path as sent, below the API's base. */
  readonly path: string;
  /** The query as sent, with every credential's value replaced by `***`. */
  readonly query?: string;
  readonly status: number;
  readonly credentials: CredentialKind;
  readonly ms: number;
  /** True when the proxy answered itself (`--enforce`) and the upstream never saw the request. */
  readonly refused?: boolean;
}

/** A way one exchange breaks the spec: in its request or in its answer. */
export interface Violation {
  readonly direction: 'request' | 'response';
  readonly status: number;
  readonly issues: readonly Issue[];
  readonly exchange: ExchangeRecord;
}

/** Every exchange's outcome, kept as counts plus the violations (bounded, so a long run cannot eat memory). */
export interface ExchangeLog {
  /** Adds one exchange and returns its violations. */
  add(
    record: Omit<ExchangeRecord, 'index'>,
    request: readonly Issue[],
    response: readonly Issue[],
  ): Violation[];
  /** The report so far, as the one JSON envelope every command prints. */
  envelope(): Envelope<Violation>;
}

/** Past this many violations only the counts grow. */
const keptViolations = 10_000;

/** Starts an empty log. */
export function createExchangeLog(command = 'proxy'): ExchangeLog {
  let exchanges = 0;
  let requestViolations = 0;
  let responseViolations = 0;
  let errors = 0;
  const kept: Violation[] = [];
  return {
    add(record, request, response) {
      exchanges += 1;
      const exchange: ExchangeRecord = { index: exchanges, ...record };
      const found: Violation[] = [];
      if (request.length > 0)
        found.push({ direction: 'request', status: record.status, issues: request, exchange });
      if (response.length > 0)
        found.push({ direction: 'response', status: record.status, issues: response, exchange });
      for (const violation of found) {
        errors += violation.issues.length;
        if (violation.direction === 'request') requestViolations += 1;
        else responseViolations += 1;
        if (kept.length < keptViolations) kept.push(violation);
      }
      return found;
    },
    envelope() {
      const violations = requestViolations + responseViolations;
      const summary = { errors, warnings: 0, exchanges, violations, requestViolations, responseViolations };
      return envelope(command, violations === 0, summary, [...kept]);
    },
  };
}

/** One log line per exchange: what was asked, what was answered, and each violation's first issue. */
export function formatExchangeLine(
  record: Omit<ExchangeRecord, 'index'>,
  violations: readonly Violation[],
): string {
  const head = `${record.method} ${record.path} ${record.status}${record.refused ? ' (refused by the proxy)' : ''} ${Math.round(record.ms)}ms`;
  if (violations.length === 0) return `${head} ok`;
  const parts = violations.map((v) => {
    const first = v.issues[0] as Issue;
    const more = v.issues.length > 1 ? ` (+${v.issues.length - 1} more)` : '';
    return `${v.direction}: ${first.instancePath || '(whole)'} ${first.message} [${first.code}]${more}`;
  });
  return `${head} VIOLATION ${parts.join('; ')}`;
}

/** JUnit XML: one failing test case per violation, and one passing case for the exchanges without any. */
export function formatExchangeJunit(report: Envelope<Violation>): string {
  const { exchanges = 0, violations = 0 } = report.summary;
  const troubled = new Set(report.results.map((v) => v.exchange.index)).size;
  const cases = report.results.map((v) => {
    const { exchange } = v;
    const name = `#${exchange.index} ${exchange.method} ${exchange.path} ${v.status} (${v.direction})`;
    const text = v.issues
      .map(
        (issue) =>
          `${issue.instancePath || '(whole)'}: ${issue.message} [${issue.code}] (spec: ${issue.specPointer})`,
      )
      .join('\n');
    return `  <testcase classname="ocpi-location-kit.${report.command}" name="${escapeMarkup(name)}">\n    <failure message="${plural(v.issues.length, 'issue')}" type="${v.direction}-violation">${escapeMarkup(text)}</failure>\n  </testcase>`;
  });
  cases.push(
    `  <testcase classname="ocpi-location-kit.${report.command}" name="${plural(exchanges - troubled, 'exchange')} without a violation"/>`,
  );
  const counts = `tests="${cases.length}" failures="${violations}" errors="0"`;
  return junitOneSuite(report.command, 'exchanges checked against openapi.yaml', counts, cases);
}
