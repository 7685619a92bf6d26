#!/usr/bin/env node
import { createRequire } from 'node:module';
import { ConfigError } from '../core/config-error.ts';
import { commands } from './commands.ts';
import { didYouMean } from './parse-argv.ts';

const help = async (): Promise<string> => {
  const lines = [
    'Usage: ocpi-location-kit <command> [options]',
    '       ocpi-location-kit --version',
    '',
    'Commands:',
  ];
  for (const [name, load] of Object.entries(commands))
    lines.push(`  ${name.padEnd(10)} ${(await load()).summary}`);
  lines.push('', 'Run `ocpi-location-kit <command> --help` for the options of a command.');
  return lines.join('\n');
};

/** Runs the CLI and returns the exit code; every expected failure becomes one line on stderr. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${await help()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const load = commands[name];
  try {
    if (!load) {
      const guess = didYouMean(name, Object.keys(commands));
      throw new ConfigError(
        `unknown command "${name}"${guess ? `; did you mean "${guess}"?` : ''} (commands: ${Object.keys(commands).join(', ')})`,
      );
    }
    return await (await load()).run(rest);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`ocpi-location-kit: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ocpi-location-kit: unexpected error: ${message}\n`);
    if (process.env.OCPI_KIT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 70;
  }
}

/** The installed package's version, through its own `exports` (the same path from `src/` and from `dist/`). */
function packageVersion(): string {
  return (createRequire(import.meta.url)('ocpi-location-kit/package.json') as { version: string }).version;
}

process.exitCode = await main(process.argv.slice(2));
