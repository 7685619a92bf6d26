/** Temporary copies of project files, so tests can break a spec without touching the shared checkout. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const specText = readFileSync(join(projectRoot, 'openapi.yaml'), 'utf8');

/** A temp directory holding copies of `files` and folders (relative to the project) and a link to its node_modules. */
export function tempProject(files: string[]): {
  dir: string;
  write(file: string, text: string): string;
  remove(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'ocpi-kit-'));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(projectRoot, file), join(dir, file), { recursive: true });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return {
    dir,
    write(file, text) {
      const path = join(dir, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Replaces exactly one occurrence of `from` in the spec text; fails loudly when the spec no longer has it. */
export function editSpec(from: string | RegExp, to: string, text = specText): string {
  const count =
    typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from, 'g')) ?? []).length;
  if (count !== 1) throw new Error(`expected one ${String(from)} in openapi.yaml, found ${count}`);
  return text.replace(from, to);
}

/** Runs a binary of node_modules/.bin in `cwd`. */
export function runBin(cwd: string, bin: string, args: string[]) {
  const result = spawnSync(join(projectRoot, 'node_modules', '.bin', bin), args, { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
