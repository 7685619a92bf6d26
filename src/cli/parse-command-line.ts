import { type ParseArgsConfig, parseArgs } from 'node:util';
import { ConfigError } from '../config-error.ts';

/**
 * `parseArgs` with strict options, where a mistake is one `ConfigError` line naming the unknown option (or the
 * first line of node's own message) and pointing at `--help`.
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const message = (error as Error).message;
    const option = /Unknown option '([^']+)'/.exec(message)?.[1];
    throw new ConfigError(
      option ? `unknown option ${option} (see --help)` : `${message.split('\n')[0]} (see --help)`,
    );
  }
}
