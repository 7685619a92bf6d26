import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layout, checked: a core (every folder named `core/`) that knows nothing of frameworks, runtimes, sockets,
// the CLI or pact, and adapters around it. CONTRIBUTING.md describes it.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sourceFolders = ['src', 'mock', 'scripts'];
const coreRoots = ['src/core', 'mock/core'];
const core = [
  'src/core/validation',
  'src/core/report',
  'src/core/client',
  'src/core/openapi',
  'src/core/ocpi',
  'src/core/probe',
  'mock/core/pipeline',
  'mock/core/state',
];
// The core runs in a browser or a service worker as it is, and under any framework: no package of these.
const forbiddenPackages = /^(node:|hono$|hono\/|@hono\/|msw$|msw\/|@pact-foundation\/|@mswjs\/)/;
const isCore = (file: string) => coreRoots.some((folder) => inFolder(file, folder));
const isGenerated = (file: string) => inFolder(file, 'src/generated');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|mjs|js)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

const files = sourceFolders.flatMap(sourceFiles).filter((file) => !file.startsWith('src/generated/'));

/** The project files a source file imports, statically or dynamically, as paths from the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found = text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g);
  return [...found].map((match) => relative(root, resolve(root, dirname(file), match[1] as string)));
}

/** The packages a source file imports, statically or dynamically (type-only imports included). */
function packagesOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found = text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'([^.'][^']*)'/g);
  return [...found].map((match) => match[1] as string);
}

const graph = new Map(files.map((file) => [file, importsOf(file)]));
const inFolder = (file: string, folder: string) => file.startsWith(`${folder}/`);

describe('the layout', () => {
  it('has every core folder', () => {
    for (const folder of core)
      expect(
        files.some((file) => inFolder(file, folder)),
        folder,
      ).toBe(true);
  });

  it('keeps the core free of adapters: it imports only the core and generated code', () => {
    const breaches = files
      .filter(isCore)
      .flatMap((file) =>
        (graph.get(file) ?? [])
          .filter((target) => !isCore(target) && !isGenerated(target))
          .map((target) => `${file} -> ${target}`),
      );
    expect(breaches).toEqual([]);
  });

  it('keeps the core free of frameworks and runtimes (hono, msw, pact, node:)', () => {
    const breaches = files.filter(isCore).flatMap((file) =>
      packagesOf(file)
        .filter((name) => forbiddenPackages.test(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(breaches).toEqual([]);
  });

  it('has nothing under mock/ import the CLI', () => {
    const breaches = files
      .filter((file) => inFolder(file, 'mock'))
      .flatMap((file) =>
        (graph.get(file) ?? []).filter((t) => inFolder(t, 'src/cli')).map((t) => `${file} -> ${t}`),
      );
    expect(breaches).toEqual([]);
  });

  it('keeps the core free of Node globals', () => {
    const breaches = files.filter(isCore).flatMap((file) => {
      const code = readFileSync(join(root, file), 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
      const found =
        code.match(/from '(node:[^']+)'|\b(Buffer|process|__dirname|require)\b(?=\s*[.(])/g) ?? [];
      return found.map((use) => `${file}: ${use}`);
    });
    expect(breaches).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) if (graph.has(target)) visit(target, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps every source file under 250 lines', () => {
    const long = files
      .map((file) => [file, readFileSync(join(root, file), 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 250);
    expect(long).toEqual([]);
  });
});
