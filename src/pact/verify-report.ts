import { envelope } from '../core/report/envelope.ts';
import { escapeMarkup, plural } from '../core/report/text.ts';
import { stripAnsi, type VerifiedInteraction, type VerifyResult } from './read-verifier-report.ts';

/** Counts of one `verify` run; `errors` (failures that fail the run) decide the exit code. */
export function verifyTotals(result: VerifyResult) {
  const count = (test: (i: VerifiedInteraction) => boolean) => result.interactions.filter(test).length;
  return {
    errors: count((i) => !i.ok && !i.pending) + (result.interactions.length === 0 ? 1 : 0),
    // A pending failure is a warning: reported, not fatal (docs.pact.io/pending).
    warnings: count((i) => !i.ok && i.pending),
    interactions: result.interactions.length,
    passed: count((i) => i.ok),
    pending: count((i) => i.pending),
    wip: count((i) => i.wip),
  };
}

/** The verifier's own report (without colour codes unless `colour`), then the closing summary. */
export function formatVerifyText(result: VerifyResult, providerBaseUrl: string, colour: boolean): string {
  const report = result.output.map((line) => (colour ? line : stripAnsi(line))).join('\n');
  return `${report.trim() === '' ? '' : `${report.replace(/\n+$/, '')}\n`}${summary(result, providerBaseUrl)}`;
}

/** The closing lines: a verdict, then one line per failed interaction with the verifier's mismatches. */
export function summary(result: VerifyResult, providerBaseUrl: string): string {
  const t = verifyTotals(result);
  const pending = t.warnings > 0 ? `; ${plural(t.warnings, 'pending failure')}, not fatal` : '';
  const lines = [''];
  if (result.ok) {
    lines.push(
      `PASS: ${t.passed} of ${t.interactions} interactions verified against ${providerBaseUrl}${pending}`,
    );
  } else if (t.interactions > 0) {
    lines.push(
      `FAIL: ${t.errors} of ${t.interactions} interactions failed against ${providerBaseUrl}${pending}`,
    );
  } else {
    lines.push(
      `FAIL: nothing was verified against ${providerBaseUrl}: ${result.reason ?? 'no interactions'}`,
    );
  }
  for (const [label, failures] of [
    ['', result.failures],
    ['pending ', result.pendingFailures],
  ] as const) {
    for (const failure of failures) {
      // The verifier writes "<pact> Given <state> - <description>", or "<pact> - <description>" with no state.
      const name = failure.interaction.replace(
        /^Verifying a pact between .+? and .+? (?:- )?(?=Given |)/,
        '',
      );
      lines.push(`  - ${label}${name}: ${failure.mismatches.join('; ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The one envelope of every command: the counts, then one result per interaction. */
export function formatVerifyJson(result: VerifyResult, providerBaseUrl: string): string {
  const totals = verifyTotals(result);
  const results = result.interactions.map((i) => ({
    consumer: i.consumer ?? null,
    description: i.description,
    ok: i.ok,
    pending: i.pending,
    wip: i.wip,
    mismatches: i.mismatches,
  }));
  const report = {
    ...envelope('verify', result.ok, totals, results),
    provider: providerBaseUrl,
    pacts: result.pacts,
    ...(result.reason && result.interactions.length === 0 ? { reason: result.reason } : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * JUnit XML: a suite per pact, a test case per interaction. A failure fails its case; a pending pact's failure is
 * `<skipped>` (it does not fail the run, as in Pact), and every pending case carries a `pending` property.
 */
export function formatVerifyJunit(result: VerifyResult, providerBaseUrl: string): string {
  const t = verifyTotals(result);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ocpi-location-kit verify" tests="${t.interactions}" failures="${t.errors}" skipped="${t.warnings}">`,
  ];
  const consumers = [...new Set(result.interactions.map((i) => i.consumer ?? '(pact)'))];
  for (const consumer of consumers) {
    const mine = result.interactions.filter((i) => (i.consumer ?? '(pact)') === consumer);
    const failed = mine.filter((i) => !i.ok && !i.pending).length;
    const skipped = mine.filter((i) => !i.ok && i.pending).length;
    const suite = escapeMarkup(`${consumer} -> ${providerBaseUrl}`);
    out.push(
      `  <testsuite name="${suite}" tests="${mine.length}" failures="${failed}" skipped="${skipped}">`,
    );
    for (const i of mine) {
      const body: string[] = [];
      const properties = [i.pending ? 'pending' : '', i.wip ? 'wip' : ''].filter(Boolean);
      if (properties.length > 0) {
        const items = properties.map((name) => `<property name="${name}" value="true"/>`).join('');
        body.push(`      <properties>${items}</properties>`);
      }
      const message = escapeMarkup(i.mismatches.join('; ') || 'failed');
      if (!i.ok && i.pending) body.push(`      <skipped message="pending: ${message}"/>`);
      else if (!i.ok) body.push(`      <failure type="mismatch" message="${message}">${message}</failure>`);
      const open = `    <testcase classname="${escapeMarkup(consumer)}" name="${escapeMarkup(i.description)}"`;
      out.push(...(body.length === 0 ? [`${open}/>`] : [`${open}>`, ...body, '    </testcase>']));
    }
    out.push('  </testsuite>');
  }
  if (result.interactions.length === 0) {
    const reason = escapeMarkup(result.reason ?? 'no interactions were verified');
    out.push(`  <testsuite name="verify" tests="1" failures="0" errors="1">`);
    out.push(`    <testcase classname="verify" name="${escapeMarkup(providerBaseUrl)}">`);
    out.push(`      <error message="${reason}"/>`, '    </testcase>', '  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
