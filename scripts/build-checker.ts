// Writes the static payload checker (`dist/checker/`): the mock's `/` page without a mock, checking in the page
// with the validators generated from the spec. Three files, relative URLs and a classic script, so it works
// from any static host or opened as a file; no inline script, so `script-src 'self'` holds with no `unsafe-eval`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { renderHomePage } from '../mock/routes/home-page.ts';
import { deriveSamples } from '../mock/routes/home-samples.ts';
import { headerCredential } from '../src/core/openapi/operation.ts';
import { projectSpec } from '../src/core/openapi/project-spec.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A plug in a green square: without an icon of its own, a browser asks the host for /favicon.ico. */
const favicon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f7a4d"/><path d="M11 6v6M21 6v6M8 12h16v5a8 8 0 0 1-16 0zM16 25v3" stroke="#fff" stroke-width="2.5" fill="none" stroke-linecap="round"/></svg>
`;

/** The files of the static checker, by name. */
export async function renderChecker(): Promise<Record<string, string>> {
  const spec = projectSpec();
  const { operation } = spec;
  const html = renderHomePage({
    operation: `${operation.method} ${operation.pathTemplate}`,
    apiKeyHeader: headerCredential(operation)?.name ?? '',
    credentials: undefined,
    samples: deriveSamples(spec),
    strict: false,
    specDigest: spec.digest,
    target: 'static',
  });
  const bundled = await build({
    entryPoints: [join(root, 'mock/routes/browser/checker.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const script = bundled.outputFiles[0]?.text;
  if (!script) throw new Error('esbuild produced no checker script');
  return {
    'index.html': html,
    'checker.js': script,
    'checker.css': readFileSync(join(root, 'mock/routes/browser/checker.css'), 'utf8'),
    'favicon.svg': favicon,
  };
}

/** Writes the static checker into `folder`. */
export async function buildChecker(folder: string): Promise<void> {
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(await renderChecker())) writeFileSync(join(folder, name), text);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildChecker(resolve(process.argv[2] ?? join(root, 'dist/checker')));
}
