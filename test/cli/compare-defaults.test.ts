import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { projectPactFile } from '../../src/pact/participants.ts';

const main = resolve('dist/src/cli/main.js');
const root = mkdtempSync(join(tmpdir(), 'ocpi-compare-defaults-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs `compare` in a directory of its own, as a project that uses the kit would. */
async function compareIn(cwd: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [main, 'compare', ...args], {
      cwd,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A project directory holding the kit's own pact at `dir`, with its first interaction answering 201. */
function projectWithUndocumented201(dir: string): string {
  const cwd = mkdtempSync(join(root, 'project-'));
  const pact = JSON.parse(readFileSync(projectPactFile, 'utf8')) as {
    interactions: { response: { status: number } }[];
  };
  (pact.interactions[0] as { response: { status: number } }).response.status = 201;
  mkdirSync(join(cwd, dir), { recursive: true });
  writeFileSync(join(cwd, dir, 'web-emabler-add-location.json'), JSON.stringify(pact));
  return cwd;
}

describe('compare without --pacts', () => {
  it.each(['contracts/pacts', 'pacts'])(
    "checks the project's ./%s and fails its undocumented 201",
    async (dir) => {
      const cwd = projectWithUndocumented201(dir);
      const { code, stdout } = await compareIn(cwd);
      expect(code).toBe(1);
      expect(stdout).toContain(`FAIL ${dir}/web-emabler-add-location.json`);
      expect(stdout).toContain('response.status.unknown');
    },
  );

  it('exits 2 with one line saying where it looked when the project has no pacts', async () => {
    const cwd = mkdtempSync(join(root, 'empty-'));
    const { code, stdout, stderr } = await compareIn(cwd);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `ocpi-location-kit: no pact files found in ./contracts/pacts or ./pacts (under ${cwd}); name them with --pacts FILE|DIR\n`,
    );
  });

  it("reaches the package's own pacts when they are named", async () => {
    const cwd = mkdtempSync(join(root, 'named-'));
    const { code, stdout } = await compareIn(cwd, '--pacts', projectPactFile);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^PASS: 1 pact file/m);
  });
});

describe('compare --format json', () => {
  it('prints the envelope every command shares', async () => {
    const cwd = projectWithUndocumented201('pacts');
    const { code, stdout } = await compareIn(cwd, '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      tool: 'ocpi-location-kit',
      version: 1,
      command: 'compare',
      ok: false,
      summary: { errors: 1, warnings: 0, files: 1 },
      results: [{ file: 'pacts/web-emabler-add-location.json', consumer: 'ocpi-location-kit-client' }],
    });
    expect(report.results[0].findings.map((f: { code: string }) => f.code)).toEqual([
      'response.status.unknown',
    ]);
  });
});
