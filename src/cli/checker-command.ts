import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../core/config-error.ts';
import { defaultCheckerPort, defaultHost } from '../core/defaults.ts';
import { packageRoot } from '../node/package-root.ts';
import { serveChecker } from './checker-server.ts';
import { defineCommand } from './command.ts';

/** The folder of the built static checker. */
export const checkerFolder: string = join(packageRoot, 'dist/checker');

/** `ocpi-location-kit checker`. */
export const checkerCommand = defineCommand({
  name: 'checker',
  summary: 'serve the static payload checker (the page that checks payloads by itself)',
  description: `Serves the static payload checker (dist/checker/) until SIGINT or SIGTERM. It checks payloads in the page
itself, so its three files work from any static host or opened as a file.`,
  options: {
    port: {
      type: 'integer',
      short: 'p',
      min: 0,
      max: 65535,
      default: defaultCheckerPort,
      help: 'port to listen on, 0 for a free one',
    },
    host: { type: 'string', default: defaultHost, help: 'interface to listen on' },
  },
  async run({ values }) {
    const { port, host } = values;
    if (!existsSync(join(checkerFolder, 'index.html')))
      throw new ConfigError(`the static checker is not built (${checkerFolder}); run npm run build`);
    let running: Awaited<ReturnType<typeof serveChecker>>;
    try {
      running = await serveChecker(checkerFolder, port, host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new ConfigError(`port ${port} is already in use; choose another with --port`);
      throw new ConfigError(`cannot listen on ${host}:${port} (${code ?? 'error'})`);
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
});
