import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config-error.ts';
import { packageRoot } from '../openapi/package-root.ts';
import { serveChecker } from './checker-server.ts';
import type { Command } from './command.ts';
import { parseCommandLine } from './parse-command-line.ts';

const help = `Usage: ocpi-location-kit checker [--port <n>] [--host <host>]

Serves the static payload checker (dist/checker/) until SIGINT or SIGTERM. It checks payloads in the page
itself, so its three files work from any static host or opened as a file.

Options:
  --port <n>      port to listen on (default 4020; 0 picks a free one)
  --host <host>   interface to listen on (default 127.0.0.1)
  -h, --help      this text`;

/** The folder of the built static checker. */
export const checkerFolder: string = join(packageRoot, 'dist/checker');

/** `ocpi-location-kit checker`. */
export const checkerCommand: Command = {
  summary: 'serve the static payload checker (the page that checks payloads by itself)',
  async run(argv) {
    const { values } = parseOptions(argv);
    if (values.help) {
      process.stdout.write(`${help}\n`);
      return 0;
    }
    const port = values.port === undefined ? 4020 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535 || !/^\d+$/.test(values.port ?? '0'))
      throw new ConfigError(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
    if (!existsSync(join(checkerFolder, 'index.html')))
      throw new ConfigError(`the static checker is not built (${checkerFolder}); run npm run build`);
    let running: Awaited<ReturnType<typeof serveChecker>>;
    try {
      running = await serveChecker(checkerFolder, port, values.host ?? '127.0.0.1');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new ConfigError(`port ${port} is already in use; choose another with --port`);
      throw new ConfigError(`cannot listen on ${values.host ?? '127.0.0.1'}:${port} (${code ?? 'error'})`);
    }
    process.stdout.write(
      `ocpi-location-kit payload checker on ${running.url}; its files work from any static host or from disk: ${checkerFolder}\n`,
    );
    await new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    });
    await running.close();
    return 0;
  },
};

function parseOptions(argv: string[]) {
  return parseCommandLine({
    args: argv,
    options: { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
}
