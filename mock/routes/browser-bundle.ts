import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The browser modules the mock serves under `/assets/`, and the source each is bundled from. */
const entries = {
  /** The package's browser entry: the typed client (`createLocationsClient`) and the OCPI converter. */
  'client.js': resolve(root, 'src/browser.ts'),
  /** The payload checker's own script; it imports the client from `/assets/client.js`. */
  'checker.js': resolve(root, 'mock/routes/browser/checker.ts'),
} as const;

/** The name of a browser module under `/assets/`. */
export type BrowserModule = keyof typeof entries;

/** Whether `name` is one of the browser modules. */
export const isBrowserModule = (name: string): name is BrowserModule => Object.hasOwn(entries, name);

/**
 * The checker imports the package entry so that tsc checks it against the client's real types; in the browser
 * that import becomes `/assets/client.js`, so the page runs the very bundle other origins import.
 */
const clientFromAssets: Plugin = {
  name: 'client-from-assets',
  setup(build) {
    build.onResolve({ filter: /\/src\/(index|browser)\.ts$/ }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: '/assets/client.js', external: true },
    );
  },
};

/**
 * Bundles a browser module with esbuild on its first request and keeps it in memory: the mock starts as fast as
 * before, runs from sources, and needs no build step. A failed build is not cached, so a fix is picked up.
 */
export function createBrowserBundles(): (name: BrowserModule) => Promise<string> {
  const cache = new Map<BrowserModule, Promise<string>>();
  return (name) => {
    let built = cache.get(name);
    if (!built) {
      built = bundle(entries[name]);
      built.catch(() => cache.delete(name));
      cache.set(name, built);
    }
    return built;
  };
}

async function bundle(entry: string): Promise<string> {
  // Loaded on first use: only the pages need esbuild, not the API or the CLI's other commands.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    plugins: [clientFromAssets],
    logLevel: 'silent',
    legalComments: 'none',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced no output for ${entry}`);
  return output.text;
}
