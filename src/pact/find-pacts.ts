import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConfigError } from '../core/config-error.ts';

/**
 * Where `compare` and `verify` look for the project's pacts when none are named, in order: this toolkit's
 * layout, then pact-js's default output directory.
 */
export const defaultPactDirs: readonly string[] = ['contracts/pacts', 'pacts'];

/**
 * The project's pact directory under `cwd`: the first of `defaultPactDirs` that holds a `*.json` file. It is
 * never the package's own `contracts/pacts` inside `node_modules` (a CI step trusting the default would then
 * pass on the package's pact instead of the project's); those stay reachable by naming them. None found is a
 * configuration error that says where it looked.
 */
export function findProjectPacts(cwd: string = process.cwd()): string {
  for (const dir of defaultPactDirs) {
    const path = join(cwd, dir);
    try {
      if (statSync(path).isDirectory() && readdirSync(path).some((name) => name.endsWith('.json'))) {
        return relative(process.cwd(), path) || '.';
      }
    } catch {
      // Not there: try the next.
    }
  }
  const places = defaultPactDirs.map((dir) => `./${dir}`).join(' or ');
  throw new ConfigError(`no pact files found in ${places} (under ${cwd}); name them with --pacts FILE|DIR`);
}
