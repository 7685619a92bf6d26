import { isAbsolute, relative } from 'node:path';
import { escapeMarkup, plural } from '../core/report/text.ts';
import type { PactComparison } from './compare-pacts.ts';

/** Totals of one `compare` run. */
export interface CompareTotals {
  readonly files: number;
  readonly interactions: number;
  readonly errors: number;
  readonly warnings: number;
}

/** Counts what a run found; errors decide the exit code, warnings are advice. */
export function totalsOf(results: PactComparison[]): CompareTotals {
  const findings = results.flatMap((r) => r.findings);
  return {
    files: results.length,
    interactions: results.reduce((n, r) => n + r.interactions.length, 0),
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

const show = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text === undefined ? '' : text.length > 80 ? `${text.slice(0, 77)}...` : text;
};
const pathFromCwd = (file: string): string => {
  const near = relative(process.cwd(), file);
  return near === '' || near.startsWith('..') || isAbsolute(near) ? file : near;
};

/** Human-readable report: one block per finding, naming the interaction and the spec location. */
export function formatText(results: PactComparison[], specFile: string): string {
  const lines: string[] = [];
  const spec = pathFromCwd(specFile);
  for (const result of results) {
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    lines.push(
      `${errors > 0 ? 'FAIL' : 'PASS'} ${pathFromCwd(result.file)} (${result.consumer} -> ${result.provider}): ` +
        `${plural(result.interactions.length, 'interaction')}, ${plural(errors, 'error')}, ` +
        `${plural(result.findings.length - errors, 'warning')}`,
    );
    for (const f of result.findings) {
      const given = f.interaction.states.length > 0 ? ` given "${f.interaction.states.join('", "')}"` : '';
      lines.push(`  ${f.severity} ${f.code}`);
      lines.push(`    interaction #${f.interaction.index}: "${f.interaction.description}"${given}`);
      lines.push(`    pact: ${f.pactLocation}${'pactValue' in f ? ` = ${show(f.pactValue)}` : ''}`);
      lines.push(`    spec: ${spec}${f.spec.line ? `:${f.spec.line}` : ''} #${f.spec.pointer}`);
      lines.push(`    ${f.message}`);
    }
  }
  const t = totalsOf(results);
  lines.push(
    '',
    `${t.errors > 0 ? 'FAIL' : 'PASS'}: ${plural(t.files, 'pact file')}, ${plural(t.interactions, 'interaction')} ` +
      `checked against ${spec}: ${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}`,
  );
  return `${lines.join('\n')}\n`;
}

/** Machine-readable report: totals plus every finding. */
export function formatJson(results: PactComparison[], specFile: string): string {
  const report = {
    spec: specFile,
    ok: totalsOf(results).errors === 0,
    totals: totalsOf(results),
    pacts: results.map((r) => ({
      file: r.file,
      consumer: r.consumer,
      provider: r.provider,
      interactions: r.interactions.length,
      findings: r.findings,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** JUnit XML for CI: a suite per pact file, a test case per interaction, a failure per error. */
export function formatJunit(results: PactComparison[], specFile: string): string {
  const t = totalsOf(results);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ocpi-location-kit compare" tests="${t.interactions}" failures="${t.errors}">`,
  ];
  for (const r of results) {
    const failures = r.findings.filter((f) => f.severity === 'error').length;
    out.push(
      `  <testsuite name="${escapeMarkup(pathFromCwd(r.file))}" tests="${r.interactions.length}" failures="${failures}">`,
    );
    r.interactions.forEach((interaction, index) => {
      const mine = r.findings.filter((f) => f.interaction.index === index);
      const name = escapeMarkup(interaction.description ?? `interaction ${index}`);
      out.push(`    <testcase classname="${escapeMarkup(`${r.consumer} -> ${r.provider}`)}" name="${name}">`);
      for (const f of mine) {
        const where = `${f.pactLocation} vs ${pathFromCwd(specFile)}${f.spec.line ? `:${f.spec.line}` : ''} #${f.spec.pointer}`;
        const tag = f.severity === 'error' ? 'failure' : 'system-out';
        const body = escapeMarkup(`${f.code}: ${f.message} (${where})`);
        out.push(
          tag === 'failure'
            ? `      <failure type="${escapeMarkup(f.code)}" message="${escapeMarkup(f.message)}">${body}</failure>`
            : `      <system-out>warning ${body}</system-out>`,
        );
      }
      out.push('    </testcase>');
    });
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
