import { readFile } from 'node:fs/promises';
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

/** The browser modules' names. */
export const browserModules = Object.keys(entries) as BrowserModule[];

/** Whether `name` is one of the browser modules. */
export const isBrowserModule = (name: string): name is BrowserModule => Object.hasOwn(entries, name);

/** Where the build (scripts/build.ts) writes the bundles, next to this module's compiled copy in `dist/`. */
export const prebuiltDirectory = new URL('./assets/', import.meta.url);

/**
 * The checker imports the client entry so that tsc checks it against the client's real types; in the browser
 * that import becomes `/assets/client.js`, so the page runs the very bundle other origins import.
 */
const clientFromAssets: Plugin = {
  name: 'client-from-assets',
  setup(build) {
    build.onResolve({ filter: /\/src\/(index|browser|core\/client\/index)\.ts$/ }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: '/assets/client.js', external: true },
    );
  },
};

/**
 * The bundles the build wrote (an installed package: no esbuild at run time), or, in a checkout run from
 * sources, bundled with esbuild on first request and kept in memory. A failed build is not cached.
 */
export function createBrowserBundles(): (name: BrowserModule) => Promise<string> {
  const cache = new Map<BrowserModule, Promise<string>>();
  return (name) => {
    let built = cache.get(name);
    if (!built) {
      built = readFile(new URL(name, prebuiltDirectory), 'utf8').catch(() => bundleBrowserModule(name));
      built.catch(() => cache.delete(name));
      cache.set(name, built);
    }
    return built;
  };
}

/** Bundles one browser module from the sources with esbuild (a development dependency). */
export async function bundleBrowserModule(name: BrowserModule): Promise<string> {
  // Loaded on first use: only the pages need esbuild, not the API or the CLI's other commands.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entries[name]],
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
  if (!output) throw new Error(`esbuild produced no output for ${entries[name]}`);
  return output.text;
}
