import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './packed-project.ts';

// The examples of the package in use, in the README and the guides, are files of this folder: the vitest + MSW one
// runs as a test of the suite (importing the package by its name, which resolves to this checkout's build), the
// in-process one runs here and must print what the guide shows.
const docs = join(projectRoot, 'docs');
const pages = [
  readFileSync(join(projectRoot, 'README.md'), 'utf8'),
  ...readdirSync(docs)
    .filter((name) => name.endsWith('.md'))
    .map((name) => readFileSync(join(docs, name), 'utf8')),
];
const example = (file: string) => readFileSync(join(projectRoot, 'test/package/consumer', file), 'utf8');

/** The code block of the README or a guide that starts with the comment `// <name>`, and the block after it. */
function blockOf(name: string): { code: string; next: string | undefined } {
  for (const page of pages) {
    const blocks = [...page.matchAll(/```\w*\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    const at = blocks.findIndex((block) => block.startsWith(`// ${name}`));
    if (at >= 0) return { code: blocks[at] ?? '', next: blocks[at + 1] };
  }
  throw new Error(`neither the README nor a guide has the example ${name}`);
}

describe('the README and the guides', () => {
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
