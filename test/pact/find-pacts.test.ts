import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/config-error.ts';
import { findProjectPacts } from '../../src/pact/find-pacts.ts';

const dirs: string[] = [];
function project(...files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ocpi-find-pacts-'));
  dirs.push(dir);
  for (const file of files) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), '{"interactions":[]}');
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the default pacts', () => {
  it('are the project’s ./contracts/pacts first', () => {
    const dir = project('contracts/pacts/a.json', 'pacts/b.json');
    expect(resolve(findProjectPacts(dir))).toBe(join(dir, 'contracts/pacts'));
  });

  it("are pact-js's ./pacts when the project has no ./contracts/pacts", () => {
    const dir = project('pacts/b.json', 'contracts/pacts/notes.txt');
    expect(resolve(findProjectPacts(dir))).toBe(join(dir, 'pacts'));
  });

  it('are never the package’s own inside node_modules', () => {
    const dir = project('node_modules/ocpi-location-kit/contracts/pacts/kit.json');
    expect(() => findProjectPacts(dir)).toThrow(ConfigError);
  });

  it('are a configuration error that says where it looked when there are none', () => {
    const dir = project();
    expect(() => findProjectPacts(dir)).toThrow(
      `no pact files found in ./contracts/pacts or ./pacts (under ${dir}); name them with --pacts FILE|DIR`,
    );
  });

  it("are this repository's own contracts/pacts when run from its root", () => {
    expect(findProjectPacts(process.cwd())).toBe('contracts/pacts');
  });
});
