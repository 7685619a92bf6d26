import { paint } from '../report/colour.ts';
import { type Envelope, envelope } from '../report/envelope.ts';
import { junitOneSuite } from '../report/junit.ts';
import { escapeMarkup, plural } from '../report/text.ts';
import { curlCommand } from './curl.ts';
import type { CaseResult, ProbeResult } from './probe.ts';

/** How a report shows a run: secrets hidden unless asked, colour only where it was decided to be safe. */
export interface ReportOptions {
  readonly baseUrl: string;
  readonly secrets: readonly string[];
  readonly showSecrets: boolean;
  readonly colour?: boolean;
}

/** One case in the JSON report. */
export interface ProbeCaseReport {
  readonly name: string;
  readonly kind: 'positive' | 'negative';
  readonly breaks: string;
  readonly expectedStatus: number;
  readonly outcome: CaseResult['outcome'];
  readonly status?: number;
  readonly contentType?: string;
  readonly ms?: number;
  readonly failedChecks: readonly { id: string; message?: string; issues?: readonly unknown[] }[];
  /** The answer's body (its first 500 characters), for failed cases only. */
  readonly body?: string;
  readonly curl: string;
}

const bodyShown = 500;

/** The counts every format prints. */
export function summarise(result: ProbeResult) {
  const count = (outcome: CaseResult['outcome']) =>
    result.results.filter((r) => r.outcome === outcome).length;
  const failedBy: Record<string, number> = {};
  for (const r of result.results)
    for (const check of r.checks) if (!check.ok) failedBy[check.id] = (failedBy[check.id] ?? 0) + 1;
  return {
    cases: result.results.length,
    passed: count('passed'),
    failed: count('failed'),
    notSent: count('not-sent'),
    unconfirmed: result.unconfirmed.length,
    requests: result.requests,
    seconds: Math.round(result.durationMs) / 1000,
    failedBy,
  };
}

/** The JSON envelope of a run (`--format json`). */
export function probeEnvelope(result: ProbeResult, options: ReportOptions): Envelope<ProbeCaseReport> {
  const s = summarise(result);
  const { failedBy: _, ...counts } = s;
  const results = result.results.map((r): ProbeCaseReport => {
    const failed = r.checks.filter((check) => !check.ok);
    return {
      name: r.case.name,
      kind: r.case.kind,
      breaks: r.case.breaks,
      expectedStatus: r.case.expected,
      outcome: r.outcome,
      ...(r.response
        ? {
            status: r.response.status,
            ms: Math.round(r.response.ms),
            ...(r.response.contentType ? { contentType: r.response.contentType } : {}),
          }
        : {}),
      failedChecks: failed.map((check) => ({
        id: check.id,
        ...(check.message ? { message: check.message } : {}),
        ...(check.issues ? { issues: check.issues } : {}),
      })),
      ...(failed.length > 0 && r.response ? { body: r.response.body.slice(0, bodyShown) } : {}),
      curl: curlCommand(r.request, options.secrets, options.showSecrets),
    };
  });
  return envelope(
    'probe',
    result.ok,
    { errors: s.failed, warnings: 0, ...counts, seed: result.seed },
    results,
  );
}

/** The text report: each failed case with what it breaks, the failed checks and a curl command; then the verdict. */
export function formatProbeText(result: ProbeResult, options: ReportOptions): string {
  const colour = options.colour === true;
  const lines: string[] = [];
  for (const r of result.results.filter((r) => r.outcome === 'failed')) {
    lines.push(
      `${paint(colour, 31, 'FAIL')} ${r.case.name} (${r.case.kind === 'positive' ? 'a valid request' : `breaks: ${r.case.breaks}`})`,
    );
    for (const check of r.checks.filter((check) => !check.ok)) {
      lines.push(`  ${check.id}: ${check.message ?? 'failed'}`);
      // A status or media-type issue is the message itself; schema issues are listed, each with its rule.
      if (check.id === 'response_schema_conformance')
        for (const issue of check.issues ?? []) lines.push(`    - ${issue.message} (${issue.specPointer})`);
    }
    if (r.response) {
      const body = r.response.body.length > 200 ? `${r.response.body.slice(0, 200)}…` : r.response.body;
      lines.push(
        `  answer: ${r.response.status} ${r.response.contentType ?? '(no Content-Type)'} ${JSON.stringify(body)} in ${Math.round(r.response.ms)} ms`,
      );
    }
    lines.push(`  reproduce: ${curlCommand(r.request, options.secrets, options.showSecrets)}`, '');
  }
  const s = summarise(result);
  const how = `${plural(s.requests, 'request')} in ${s.seconds.toFixed(1)} s, seed ${result.seed}`;
  if (result.ok)
    lines.push(
      `${paint(colour, 32, 'PASS')}: ${s.passed} of ${plural(s.passed, 'case')} passed every check against ${options.baseUrl} (${how})`,
    );
  else {
    const by = Object.entries(s.failedBy)
      .map(([id, n]) => `${id} ${n}`)
      .join(', ');
    lines.push(
      `${paint(colour, 31, 'FAIL')}: ${s.failed} of ${plural(s.cases - s.notSent, 'case')} failed against ${options.baseUrl} (${by}; ${how})`,
    );
  }
  if (s.notSent > 0) lines.push(`${plural(s.notSent, 'case')} not sent (--max-requests)`);
  if (s.unconfirmed > 0)
    lines.push(`${plural(s.unconfirmed, 'case')} the validator did not confirm, never sent`);
  return `${lines.join('\n')}\n`;
}

/** The dry run: every case that would be sent, with its expected status and what it breaks. */
export function formatCaseList(result: ProbeResult): string {
  const lines = result.results.map(
    (r) =>
      `${r.case.expected} ${r.case.kind === 'positive' ? '+' : '-'} ${r.case.name}${r.case.kind === 'negative' ? `  (${r.case.breaks})` : ''}`,
  );
  lines.push(`${plural(result.results.length, 'case')} (dry run: nothing sent; seed ${result.seed})`);
  for (const u of result.unconfirmed) lines.push(`not derivable: ${u.name}: ${u.reason}`);
  return `${lines.join('\n')}\n`;
}

/** JUnit XML: one test case per probe case; a case not sent is skipped. */
export function formatProbeJunit(result: ProbeResult, options: ReportOptions): string {
  const s = summarise(result);
  const cases = result.results.map((r) => {
    const open = `  <testcase classname="ocpi-location-kit.probe" name="${escapeMarkup(r.case.name)}"${r.response ? ` time="${(r.response.ms / 1000).toFixed(3)}"` : ''}`;
    if (r.outcome === 'passed') return `${open}/>`;
    if (r.outcome === 'not-sent') return `${open}>\n    <skipped message="not sent"/>\n  </testcase>`;
    const failed = r.checks.filter((check) => !check.ok);
    const text = [
      `breaks: ${r.case.breaks}`,
      ...failed.map((check) => `${check.id}: ${check.message ?? 'failed'}`),
      `reproduce: ${curlCommand(r.request, options.secrets, options.showSecrets)}`,
    ].join('\n');
    return `${open}>\n    <failure message="${escapeMarkup(failed.map((check) => check.id).join(', '))}" type="probe">${escapeMarkup(text)}</failure>\n  </testcase>`;
  });
  const counts = `tests="${s.cases}" failures="${s.failed}" skipped="${s.notSent}"`;
  return junitOneSuite('probe', `probe ${escapeMarkup(options.baseUrl)}`, counts, cases);
}
