import { parseArgs } from 'node:util';
import { createRequestLogger, type LogFormat } from '../../mock/server/log.ts';
import { serveMock } from '../../mock/server/node-server.ts';
import { outputStats, writeOrDrop } from '../../mock/server/output.ts';
import { ConfigError } from '../config-error.ts';
import type { Command } from './command.ts';
import { banner } from './mock-banner.ts';

const help = `Usage: ocpi-location-kit mock [options]

Serves the mock of addLocation, derived from openapi.yaml, until SIGINT or SIGTERM.

Options:
  --port <n>             port to listen on (default 4010; 0 picks a free one)
  --host <host>          interface to listen on (default 127.0.0.1)
  --spec <file>          the OpenAPI document (default the project's openapi.yaml)
  --seed <n>             makes the sequence of location ids reproducible
  --api-key <key>        an extra API key for the demo customer (repeatable)
  --integration <id>     an extra integration of the demo customer (repeatable)
  --fixtures <file>      customers, keys and integrations (default mock/fixtures/demo.json)
  --delay <ms>           latency added to every answer of the API
  --strict               reject OCPI 2.2.1 rule breaches (400) instead of accepting them
  --cors-origin <origin> allow a browser origin (repeatable; default any on loopback, none elsewhere)
  --log-format <format>  pretty (default) or json (one JSON object per line)
  --admin-token <token>  bearer token for the /__mock routes (generated and printed when --host is not loopback)

Limits (each answer is a problem document; see README "Limits and hostile input"):
  --body-limit <bytes>        largest body, default 1048576 (413)
  --url-limit <bytes>         longest path and query, default 8192 (414)
  --header-limit <bytes>      largest request line and headers, default 16384 (431)
  --headers-timeout <ms>      time to send the headers, default 10000 (408, connection closed)
  --request-timeout <ms>      time to send the whole request, default 30000 (408, connection closed)
  --keep-alive-timeout <ms>   idle keep-alive connections close after this, default 5000
  --max-locations <n>         locations kept by /__mock/locations, default 10000
  --store-bytes <bytes>       memory the stored locations may take, default 67108864 (oldest evicted)
  --journal-bytes <bytes>     memory the request journal may take, default 33554432 (oldest evicted)
  -h, --help             this text`;

/** Requests in flight get this long to finish after SIGINT or SIGTERM; the process ends a second later at most. */
const graceMs = 3000;

const integer = (name: string, text: string | undefined, min: number, max: number): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new ConfigError(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
};

/** `ocpi-location-kit mock`: the mock server on a port, with a banner, request logs and graceful shutdown. */
export const mockCommand: Command = {
  summary: 'serve the mock of the API (derived from openapi.yaml) on 127.0.0.1:4010',
  async run(argv) {
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(argv);
    } catch (error) {
      throw new ConfigError(`${(error as Error).message} (see --help)`);
    }
    const { values } = parsed;
    if (values.help) {
      process.stdout.write(`${help}\n`);
      return 0;
    }
    const format = values['log-format'] ?? 'pretty';
    if (format !== 'pretty' && format !== 'json') {
      throw new ConfigError(`--log-format must be pretty or json, got "${format}"`);
    }
    let running: Awaited<ReturnType<typeof serveMock>>;
    try {
      running = await serveMock({
        port: integer('port', values.port, 0, 65535) ?? 4010,
        host: values.host ?? '127.0.0.1',
        ...(values.spec ? { spec: values.spec } : {}),
        ...(values.fixtures ? { fixtures: values.fixtures } : {}),
        seed: integer('seed', values.seed, 0, 2 ** 31 - 1),
        apiKeys: values['api-key'] ?? [],
        integrations: values.integration ?? [],
        delayMs: integer('delay', values.delay, 0, 60_000),
        strict: values.strict === true,
        ...(values['cors-origin'] ? { corsOrigins: values['cors-origin'] } : {}),
        log: createRequestLogger(format as LogFormat),
        ...(values['admin-token'] ? { adminToken: values['admin-token'] } : {}),
        bodyLimit: integer('body-limit', values['body-limit'], 1, 2 ** 30),
        urlLimit: integer('url-limit', values['url-limit'], 64, 2 ** 20),
        headerLimit: integer('header-limit', values['header-limit'], 1024, 2 ** 24),
        headersTimeoutMs: integer('headers-timeout', values['headers-timeout'], 1, 3_600_000),
        requestTimeoutMs: integer('request-timeout', values['request-timeout'], 1, 3_600_000),
        keepAliveTimeoutMs: integer('keep-alive-timeout', values['keep-alive-timeout'], 1, 3_600_000),
        maxLocations: integer('max-locations', values['max-locations'], 1, 10_000_000),
        storeBytes: integer('store-bytes', values['store-bytes'], 1024, 2 ** 40),
        journalBytes: integer('journal-bytes', values['journal-bytes'], 1024, 2 ** 40),
        graceMs,
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
        const why = {
          EADDRINUSE: 'the port is already in use; choose another with --port',
          EACCES: 'permission denied; choose a port above 1023 with --port',
          EADDRNOTAVAIL: 'no interface of this machine has that address; check --host',
        }[code];
        throw new ConfigError(
          `cannot listen on ${values.host ?? '127.0.0.1'}:${values.port ?? 4010}: ${why} (${code})`,
        );
      }
      throw error;
    }
    const generated = values['admin-token'] === undefined ? running.adminToken : undefined;
    process.stdout.write(banner(running.url, running.mock, format as LogFormat, generated));
    return new Promise<number>((done) => {
      let stopping = false;
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        exitWithOutput(0, done);
      };
      const stop = (signal: NodeJS.Signals) => {
        // A second signal ends the mock at once (128 + the signal's number, as a shell reports it).
        if (stopping) process.exit(signal === 'SIGINT' ? 130 : 143);
        stopping = true;
        if (format === 'pretty') writeOrDrop(process.stdout, `\n${signal}: closing the mock\n`);
        // Whatever holds the event loop (a stream nobody reads, a client that never lets go), the mock ends.
        setTimeout(end, graceMs + 1000).unref();
        running.close().then(end);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
};

/**
 * Says what the log dropped, then ends: at once when stdout and stderr are drained, otherwise after at most
 * `drainMs` with `process.exit`, since writes queued to a pipe nobody reads would keep the process alive for ever.
 */
function exitWithOutput(code: number, done: (code: number) => void, drainMs = 500): void {
  const { stdout, stderr } = outputStats();
  if (stdout.lines + stderr.lines > 0) {
    writeOrDrop(
      process.stderr,
      `ocpi-location-kit mock: ${stdout.lines} log lines (${stdout.bytes} bytes) and ${stderr.lines} error lines were dropped: nobody read the output\n`,
    );
  }
  const drained = () => process.stdout.writableLength === 0 && process.stderr.writableLength === 0;
  if (drained()) {
    done(code);
    return;
  }
  const deadline = Date.now() + drainMs;
  const poll = setInterval(() => {
    if (!drained() && Date.now() < deadline) return;
    clearInterval(poll);
    process.exit(code);
  }, 20);
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      spec: { type: 'string' },
      seed: { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      integration: { type: 'string', multiple: true },
      fixtures: { type: 'string' },
      delay: { type: 'string' },
      strict: { type: 'boolean' },
      'cors-origin': { type: 'string', multiple: true },
      'log-format': { type: 'string' },
      'admin-token': { type: 'string' },
      'body-limit': { type: 'string' },
      'url-limit': { type: 'string' },
      'header-limit': { type: 'string' },
      'headers-timeout': { type: 'string' },
      'request-timeout': { type: 'string' },
      'keep-alive-timeout': { type: 'string' },
      'max-locations': { type: 'string' },
      'store-bytes': { type: 'string' },
      'journal-bytes': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
