import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const above = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The package's own folder, where `openapi.yaml`, the pacts and the demo fixtures live: two levels above this
 * module in the sources, three in the compiled `dist/`. The same files serve the checkout and an installed copy,
 * so an edited spec in a checkout is never shadowed by a stale copy in `dist/`.
 */
export const packageRoot: string = basename(above) === 'dist' ? dirname(above) : above;
