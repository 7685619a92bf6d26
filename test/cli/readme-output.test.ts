import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './mock-process.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const payloads = fileURLToPath(new URL('../fixtures/payloads/', import.meta.url));
const ocpi = fileURLToPath(new URL('../fixtures/ocpi/', import.meta.url));

/** The README's runs name their files from test/fixtures/payloads, or from test/fixtures/ocpi for OCPI data. */
const folderOf = (args: string[]): string =>
  args[0] === 'from-ocpi' || args.some((arg) => arg.endsWith('.json') && existsSync(`${ocpi}${arg}`))
    ? ocpi
    : payloads;

/** Every `$ npx ocpi-location-kit validate|from-ocpi ...` line of the README, with the output shown under it. */
function readmeRuns(): { args: string[]; shown: string }[] {
  const lines = readFileSync(`${root}README.md`, 'utf8').split('\n');
  const runs: { args: string[]; shown: string }[] = [];
  lines.forEach((line, i) => {
    const command = /^\$ npx ocpi-location-kit ((?:validate|from-ocpi) .*)$/.exec(line)?.[1];
    if (!command || command.includes('|')) return;
    const shown: string[] = [];
    for (const next of lines.slice(i + 1)) {
      if (next.startsWith('$ ') || next.startsWith('```')) break;
      shown.push(next);
    }
    runs.push({ args: command.split(' '), shown: shown.join('\n') });
  });
  return runs;
}

describe('the README', () => {
  const runs = readmeRuns();

  it('shows validate and from-ocpi runs', () => {
    expect(runs.filter((run) => run.args[0] === 'validate').length).toBeGreaterThanOrEqual(3);
    expect(runs.filter((run) => run.args[0] === 'from-ocpi').length).toBeGreaterThanOrEqual(3);
  });

  it.each(runs.map((run) => [run.args.join(' '), run] as const))(
    'shows what `%s` prints today',
    async (_, run) => {
      const { stdout, stderr } = await runCli(run.args, '', folderOf(run.args));
      expect(`${stdout}${stderr}`.trimEnd()).toBe(run.shown.trimEnd());
    },
  );
});
