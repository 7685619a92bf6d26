import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './packed-project.ts';

// The README's examples of the package in use are files of this folder: the vitest + MSW one runs as a test of
// the suite (importing the package by its name, which resolves to this checkout's build), the in-process one
// runs here and must print what the README shows.
const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const example = (file: string) => readFileSync(join(projectRoot, 'test/package/consumer', file), 'utf8');

/** The code block of the README that starts with the comment `// <name>`, and the block after it. */
function blockOf(name: string): { code: string; next: string | undefined } {
  const blocks = [...readme.matchAll(/```\w*\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  const at = blocks.findIndex((block) => block.startsWith(`// ${name}`));
  if (at < 0) throw new Error(`README has no example ${name}`);
  return { code: blocks[at] ?? '', next: blocks[at + 1] };
}

describe('the README', () => {
  it('shows the vitest and msw example that runs as readme-msw.test.ts', () => {
    expect(blockOf('locations.test.ts').code).toBe(example('readme-msw.test.ts'));
  });

  it('shows the in-process example and what it prints', () => {
    const { code, next } = blockOf('in-process.mjs');
    expect(code).toBe(example('in-process.mjs'));
    const run = spawnSync(process.execPath, [join(projectRoot, 'test/package/consumer/in-process.mjs')], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(next);
  });
});
