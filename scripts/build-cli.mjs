// Bundles the CLI's TypeScript into ES modules (one per command) under node_modules/.cache, run by `npm ci` / `npm install`
// (the `prepare` script). The bundle starts in a fraction of the time the sources take through tsx; `bin.js`
// uses it only while it is newer than every source file, so an edited checkout never runs stale code.
import { spawnSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = resolve(root, 'node_modules/.cache/ocpi-location-kit');

/** Each module keeps its own `import.meta.url`, so paths it resolves (openapi.yaml, fixtures) stay right. */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(context) {
    context.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

// Code splitting keeps each command's dynamic import a chunk of its own: one file would load pact-js (about a
// quarter of a second) before the mock could serve its first request.
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: resolve(root, 'src/cli/main.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  plugins: [keepModuleUrls],
  logLevel: 'warning',
  legalComments: 'none',
});

// Warm the spec cache (src/openapi/spec-cache.ts) with the project's openapi.yaml, so that even the first start of
// the mock after `npm ci` skips parsing the YAML and checking the schemas. Its answer does not matter.
spawnSync(process.execPath, [resolve(root, 'src/cli/bin.js'), 'validate', '-'], {
  input: '{}',
  stdio: 'pipe',
});
