import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './mock-process.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const payloads = fileURLToPath(new URL('../fixtures/payloads/', import.meta.url));
const ocpi = fileURLToPath(new URL('../fixtures/ocpi/', import.meta.url));

/** A run shown in the docs: its arguments, its output, and whether only the last line is shown. */
interface Run {
  args: string[];
  shown: string;
  last: boolean;
}

/** The README and every guide in docs/: where the runs are shown. */
const pages = [
  'README.md',
  ...readdirSync(`${root}docs`)
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The docs' runs name their files from test/fixtures/payloads, or from test/fixtures/ocpi for OCPI data. */
const folderOf = (args: string[]): string =>
  args[0] === 'from-ocpi' || args.some((arg) => arg.endsWith('.json') && existsSync(`${ocpi}${arg}`))
    ? ocpi
    : payloads;

/** Every `$ npx ocpi-location-kit validate|from-ocpi ...` line of a page, with the output shown under it. */
function runsOf(page: string): Run[] {
  const lines = readFileSync(`${root}${page}`, 'utf8').split('\n');
  const runs: Run[] = [];
  lines.forEach((line, i) => {
    const shell = /^\$ npx ocpi-location-kit ((?:validate|from-ocpi) .*)$/.exec(line)?.[1];
    // `| tail -1` is the one pipe the docs use: the run's last line.
    const command = shell?.replace(/ \| tail -1$/, '');
    if (!command || command.includes('|')) return;
    const shown: string[] = [];
    for (const next of lines.slice(i + 1)) {
      if (next.startsWith('$ ') || next.startsWith('```')) break;
      shown.push(next);
    }
    runs.push({ args: command.split(' '), shown: shown.join('\n'), last: command !== shell });
  });
  return runs;
}

describe('the README and the guides', () => {
  const runs = pages.flatMap(runsOf);

  it('shows validate and from-ocpi runs', () => {
    expect(runs.filter((run) => run.args[0] === 'validate').length).toBeGreaterThanOrEqual(3);
    expect(runs.filter((run) => run.args[0] === 'from-ocpi').length).toBeGreaterThanOrEqual(3);
  });

  it.each(runs.map((run) => [run.args.join(' '), run] as const))(
    'shows what `%s` prints today',
    async (_, run) => {
      const { stdout, stderr } = await runCli(run.args, '', folderOf(run.args));
      // `| tail -1` pipes stdout only.
      const printed = run.last ? (stdout.trimEnd().split('\n').at(-1) ?? '') : `${stdout}${stderr}`;
      expect(printed.trimEnd()).toBe(run.shown.trimEnd());
    },
  );
});
