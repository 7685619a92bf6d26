import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  digestOf,
  type FigureSet,
  figureSets,
  projectRoot,
  readFigureBlocks,
  writeFigures,
} from '../../scripts/doc-figures.ts';

const sets: [string, FigureSet][] = Object.entries(figureSets);
const pages = ['README.md', ...readdirSync(join(projectRoot, 'docs')).map((name) => `docs/${name}`)].filter(
  (page) => page.endsWith('.md'),
);

describe('the figures the docs quote', () => {
  it('are each in exactly one block of the doc their set names, and every block names a set', () => {
    for (const page of pages) {
      for (const block of readFigureBlocks(readFileSync(join(projectRoot, page), 'utf8'))) {
        expect(Object.keys(figureSets), `${page}: figures:${block.name}`).toContain(block.name);
        expect(figureSets[block.name as keyof typeof figureSets].doc).toBe(page);
      }
    }
    for (const [name, set] of sets) {
      const blocks = readFigureBlocks(readFileSync(join(projectRoot, set.doc), 'utf8'));
      expect(
        blocks.filter((block) => block.name === name),
        `${set.doc}: figures:${name}`,
      ).toHaveLength(1);
    }
  });

  it.each(sets)('%s: are not older than the code they describe, or show the command instead', (name, set) => {
    const block = readFigureBlocks(readFileSync(join(projectRoot, set.doc), 'utf8')).find(
      (b) => b.name === name,
    );
    if (block?.digest === 'none') {
      expect(block.body).toContain(`run \`${set.command}\``);
      expect(block.body.replace(set.command, ''), 'a block without a digest quotes no figure').not.toMatch(
        /\d/,
      );
      return;
    }
    expect(block?.body).toMatch(/ on \d{4}-\d{2}-\d{2}, \d+ cores \(.*\), Node v\d+/);
    expect(
      block?.digest,
      `${set.doc}: the figures of ${name} are older than the code they describe; run \`${set.command}\` and commit the page`,
    ).toBe(digestOf(set.sources));
  });
});

describe('writeFigures', () => {
  const root = mkdtempSync(join(tmpdir(), 'ocpi-figures-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  for (const path of ['docs', 'src', 'mock', 'scripts', 'package.json', 'package-lock.json'])
    cpSync(join(projectRoot, path), join(root, path), { recursive: true });

  it('writes the output stamped and with the digest of the sources now, and the digest follows the sources', () => {
    writeFigures('bench', 'mock valid 15930 req/s\n', root);
    const block = readFigureBlocks(readFileSync(join(root, 'docs/performance.md'), 'utf8')).find(
      (b) => b.name === 'bench',
    );
    expect(block?.digest).toBe(digestOf(figureSets.bench.sources, root));
    expect(block?.body).toMatch(/^`npm run bench` on \d{4}-\d{2}-\d{2}, \d+ cores/);
    expect(block?.body).toContain('```text\nmock valid 15930 req/s\n```\n');
    writeFileSync(join(root, 'mock/core/pipeline/route.ts'), '// changed\n', { flag: 'a' });
    expect(digestOf(figureSets.bench.sources, root)).not.toBe(block?.digest);
  });

  it('leaves the other blocks of the doc as they were', () => {
    const before = readFigureBlocks(readFileSync(join(projectRoot, 'docs/performance.md'), 'utf8'));
    writeFigures('soak', 'PASS\n', root);
    const after = readFigureBlocks(readFileSync(join(root, 'docs/performance.md'), 'utf8'));
    expect(after.find((b) => b.name === 'package')).toEqual(before.find((b) => b.name === 'package'));
    expect(after.find((b) => b.name === 'soak')?.body).toContain('```text\nPASS\n```');
  });

  it('takes only the named fields of a JSON source', () => {
    const fields = ['package.json#dependencies'];
    const before = digestOf(fields, root);
    const json = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ ...json, scripts: {} }));
    expect(digestOf(fields, root)).toBe(before);
    writeFileSync(join(root, 'package.json'), JSON.stringify({ ...json, dependencies: {} }));
    expect(digestOf(fields, root)).not.toBe(before);
  });
});
