#!/usr/bin/env node
// Entry point of the `ocpi-location-kit` command. Runs the bundle that `npm ci` builds (see build-cli.mjs) while
// it is newer than every source file; otherwise loads the TypeScript sources through tsx. Either way the
// command works right after `npm ci`, with no build step by hand.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bundle = join(root, 'node_modules/.cache/ocpi-location-kit/cli.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    return built > newestSource(join(root, 'src')) && built > newestSource(join(root, 'mock'));
  } catch {
    return false;
  }
}

if (process.env.OCPI_KIT_SOURCES !== '1' && bundleIsFresh()) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
}
