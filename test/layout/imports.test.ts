import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layout, checked: a core (every folder named `core/`) that knows nothing of frameworks, runtimes, sockets,
// the CLI or pact, and adapters around it.
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
// Every adapter: what carries the core to a runtime, a framework, a file system or a command line.
const adapters = [
  'src/cli',
  'src/pact',
  'src/msw',
  'src/node',
  'src/proxy',
  'mock/server',
  'mock/routes',
  'mock', // build-mock.ts (the Hono app), app.ts (createMockApp in Node) and the files they read
  'scripts',
];
// The package's entries gather every layer for users (package.json `exports` and `bin`, and the bundle the mock
// serves as /assets/client.js); they are left out of the folder graph.
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | Record<string, string>>;
  bin: Record<string, string>;
};
const entries = new Set(
  [...Object.values(manifest.exports), ...Object.values(manifest.bin)]
    .flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
    .filter((target) => /^(\.\/)?dist\/.*\.js$/.test(target))
    .map((target) => target.replace(/^(\.\/)?dist\//, '').replace(/\.d\.ts$|\.js$/, '.ts'))
    .concat('src/browser.ts'),
);
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

  it('holds every source folder to a layer: core, generated or a named adapter', () => {
    // An adapter's subfolders are its own (mock/routes/browser, scripts/bench); `mock` alone means its root files.
    const placed = (folder: string) =>
      coreRoots.some((core) => folder === core || inFolder(folder, core)) ||
      adapters.some((adapter) => folder === adapter || (adapter !== 'mock' && inFolder(folder, adapter)));
    const unplaced = files.filter((file) => !entries.has(file) && !placed(dirname(file)));
    expect(unplaced).toEqual([]);
    expect([...entries].every((entry) => files.includes(entry))).toBe(true);
  });

  it('lets no adapter but the CLI import the CLI', () => {
    const breaches = files
      .filter((file) => !inFolder(file, 'src/cli') && !inFolder(file, 'scripts'))
      .flatMap((file) =>
        (graph.get(file) ?? []).filter((t) => inFolder(t, 'src/cli')).map((t) => `${file} -> ${t}`),
      );
    expect(breaches).toEqual([]);
  });

  it('has no cycle of folders: arrows between folders point one way', () => {
    const edges = new Map<string, Set<string>>();
    for (const [file, targets] of graph) {
      if (entries.has(file)) continue;
      for (const target of targets) {
        if (dirname(target) === dirname(file) || !graph.has(target)) continue;
        const out = edges.get(dirname(file)) ?? new Set<string>();
        out.add(dirname(target));
        edges.set(dirname(file), out);
      }
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (folder: string, trail: string[]) => {
      if (state.get(folder) === 'done') return;
      if (state.get(folder) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(folder)), folder].join(' -> '));
        return;
      }
      state.set(folder, 'open');
      for (const target of edges.get(folder) ?? []) visit(target, [...trail, folder]);
      state.set(folder, 'done');
    };
    for (const folder of edges.keys()) visit(folder, []);
    expect(cycles).toEqual([]);
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
