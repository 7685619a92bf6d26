// The package build (`npm run build`; run by `prepack` and, in a checkout, by `prepare` and the tests' global
// setup): tsc compiles src/ and mock/ to ES modules and declarations under dist/ in the same layout, so every
// path a module resolves from its own `import.meta.url` finds its file (the spec, pacts and fixtures at the
// package root, the page's stylesheet copied beside its module); the spec is also written as JSON; the browser
// modules and the static checker (dist/checker/) are bundled once here, so an installed mock needs no esbuild.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { browserModules, bundleBrowserModule } from '../mock/routes/browser-bundle.ts';
import { renderChecker } from './build-checker.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/**
 * Writes only what changed: tests run the CLI from dist/ while `npm pack` (in the packed-package test) builds
 * again, and an unchanged file must never be seen half-written.
 */
function writeIfChanged(path: string, content: string | Buffer): void {
  try {
    if (Buffer.from(content).equals(readFileSync(path))) return;
  } catch {
    // Not there yet.
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

/** Declarations keep the sources' `.ts` specifiers; consumers without `allowImportingTsExtensions` need `.js`. */
function rewriteDeclarations(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) rewriteDeclarations(path);
    else if (entry.name.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8');
      const rewritten = text.replace(/(from\s+|import\()(['"])(\.\.?\/[^'"]+)\.ts\2/g, '$1$2$3.js$2');
      if (rewritten !== text) writeIfChanged(path, rewritten);
    }
  }
}
rewriteDeclarations(dist);

/** Data files that modules find next to themselves (see each `import.meta.url` in src/ and mock/). */
// The spec, the pacts and the demo fixtures ship at the package root instead (src/node/package-root.ts).
// The generated validators and spec document are JavaScript already (with declarations beside them).
const generated = readdirSync(join(root, 'src/generated'))
  .filter((name) => name.endsWith('.js') || name.endsWith('.d.ts'))
  .map((name) => `src/generated/${name}`);
const copies = ['mock/routes/browser/checker.css', ...generated];
for (const file of copies) writeIfChanged(join(dist, file), readFileSync(join(root, file)));
const spec = parse(readFileSync(join(root, 'openapi.yaml'), 'utf8'));
writeIfChanged(join(dist, 'openapi.json'), `${JSON.stringify(spec, null, 2)}\n`);
for (const name of browserModules) {
  writeIfChanged(join(dist, 'mock/routes/assets', name), await bundleBrowserModule(name));
}
// The static payload checker: the page without a mock, shipped in the package (`ocpi-location-kit checker`).
for (const [name, text] of Object.entries(await renderChecker()))
  writeIfChanged(join(dist, 'checker', name), text);
