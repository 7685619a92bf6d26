import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../core/config-error.ts';

/**
 * Reads a configuration file (`what`: the spec, the fixtures) as UTF-8 text, with its absolute path for
 * messages; a file that cannot be read is one `ConfigError` line naming it and the reason.
 */
export function readConfigFile(file: string, what: string): { path: string; text: string } {
  const path = resolve(file);
  try {
    return { path, text: readFileSync(path, 'utf8') };
  } catch (error) {
    throw new ConfigError(
      `${path}: cannot read ${what} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}
