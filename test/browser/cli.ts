import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunReport } from '../../src/core/report/validate-report.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the real `validate --format json` on `text` saved as a file, as a partner would, and returns its report. */
export async function validateWithCli(text: string, strict = false): Promise<RunReport> {
  const dir = mkdtempSync(join(tmpdir(), 'ocpi-browser-'));
  const file = join(dir, 'payload.json');
  writeFileSync(file, text);
  try {
    return await validateFilesWithCli([file], strict);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the real `validate --format json` once over `files`; the report lists them in the same order. */
export async function validateFilesWithCli(files: readonly string[], strict = false): Promise<RunReport> {
  const args = [
    'dist/src/cli/main.js',
    'validate',
    '--format',
    'json',
    ...(strict ? ['--strict'] : []),
    ...files,
  ];
  const stdout = await new Promise<string>((resolve, reject) => {
    // Exit 1 (errors in a payload) and 2 (not JSON) still print the report.
    execFile(process.execPath, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, out) =>
      error && typeof error.code !== 'number' ? reject(error) : resolve(out),
    );
  });
  return JSON.parse(stdout) as RunReport;
}
