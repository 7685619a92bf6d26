import { isAbsolute, relative } from 'node:path';
import type { ServerBase } from '../core/openapi/server-base-paths.ts';
import { envelope } from '../core/report/envelope.ts';
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
/** A path as the user would type it: relative to the working directory when it lies under it. */
export const pathFromCwd = (file: string): string => {
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
    for (const line of serverLines(result.bases)) lines.push(`  ${line}`);
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

/** The envelope every command prints: totals, then one result per pact file with its findings. */
export function formatJson(results: PactComparison[], specFile: string): string {
  const totals = totalsOf(results);
  const report = envelope(
    'compare',
    totals.errors === 0,
    { ...totals },
    results.map((r) => ({
      file: pathFromCwd(r.file),
      spec: pathFromCwd(specFile),
      consumer: r.consumer,
      provider: r.provider,
      interactions: r.interactions.length,
      servers: serversOf(r.bases),
      findings: r.findings,
    })),
  );
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The server base paths a pact's requests carried, with how many interactions carried each. */
export function serversOf(
  bases: (ServerBase | undefined)[],
): { basePath: string; servers: readonly string[]; interactions: number }[] {
  const counted = new Map<string, { basePath: string; servers: readonly string[]; interactions: number }>();
  for (const base of bases) {
    if (!base) continue;
    const entry = counted.get(base.basePath) ?? { ...base, interactions: 0 };
    entry.interactions++;
    counted.set(base.basePath, entry);
  }
  return [...counted.values()];
}

/** One line per base path: which server's paths the pact was written against. */
function serverLines(bases: (ServerBase | undefined)[]): string[] {
  return serversOf(bases).map(
    ({ basePath, servers, interactions }) =>
      `${plural(interactions, 'interaction')} under ${basePath}, the base path of ${servers.length === 1 ? 'the server' : 'the servers'} ${servers.join(', ')}`,
  );
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
      const base = r.bases[index];
      if (base)
        out.push(
          `      <properties><property name="server" value="${escapeMarkup(base.servers.join(' '))}"/></properties>`,
        );
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
