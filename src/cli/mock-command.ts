import { defaultStateLimits } from '../../mock/core/state/limits.ts';
import { writeOrDrop } from '../../mock/output.ts';
import { defaultLimits } from '../../mock/server/limits.ts';
import { createRequestLogger } from '../../mock/server/log.ts';
import { serveMock } from '../../mock/server/node-server.ts';
import { ConfigError } from '../core/config-error.ts';
import { defaultHost, defaultMockPort } from '../core/defaults.ts';
import { adminPaths } from '../generated/admin-facts.ts';
import { defineCommand } from './command.ts';
import { exitWithOutput } from './exit-with-output.ts';
import { banner } from './mock-banner.ts';
import { UsageError } from './parse-argv.ts';
import { requestLimitOptions } from './request-limit-options.ts';

/** Requests in flight get this long to finish after SIGINT or SIGTERM; the process ends a second later at most. */
const graceMs = 3000;

/** The mock's options, each declared once with its default taken from the code that applies it. */
const options = {
  port: {
    type: 'integer',
    short: 'p',
    min: 0,
    max: 65535,
    default: defaultMockPort,
    help: 'port to listen on, 0 for a free one',
  },
  host: { type: 'string', default: defaultHost, help: 'interface to listen on' },
  spec: {
    type: 'string',
    value: 'FILE',
    help: "the OpenAPI document, also as the first argument (default: the project's)",
  },
  seed: {
    type: 'integer',
    min: 0,
    max: 2 ** 31 - 1,
    help: 'makes the sequence of location ids reproducible',
  },
  'api-key': { type: 'string', multiple: true, value: 'KEY', help: 'an extra API key for the demo customer' },
  integration: {
    type: 'string',
    multiple: true,
    value: 'ID',
    help: 'an extra integration of the demo customer',
  },
  fixtures: {
    type: 'string',
    value: 'FILE',
    help: 'customers, keys and integrations (default: mock/fixtures/demo.json)',
  },
  delay: {
    type: 'integer',
    min: 0,
    max: 60_000,
    value: 'MS',
    help: 'latency added to every answer of the API',
  },
  strict: { type: 'boolean', help: 'reject OCPI 2.2.1 rule breaches and unknown properties (400)' },
  'cors-origin': {
    type: 'string',
    multiple: true,
    value: 'ORIGIN',
    help: 'allow a browser origin (default: any on loopback, none elsewhere)',
  },
  'log-format': {
    type: 'string',
    choices: ['pretty', 'json'],
    default: 'pretty',
    help: 'request log: pretty or one JSON object per line',
  },
  'admin-token': {
    type: 'string',
    value: 'TOKEN',
    help: 'bearer token for the /__mock routes (generated and printed when --host is not loopback)',
  },
  ...requestLimitOptions,
  'headers-timeout': {
    type: 'integer',
    min: 1,
    max: 3_600_000,
    default: defaultLimits.headersTimeoutMs,
    value: 'MS',
    help: 'time to send the headers (408, connection closed)',
  },
  'request-timeout': {
    type: 'integer',
    min: 1,
    max: 3_600_000,
    default: defaultLimits.requestTimeoutMs,
    value: 'MS',
    help: 'time to send the whole request (408, connection closed)',
  },
  'keep-alive-timeout': {
    type: 'integer',
    min: 1,
    max: 3_600_000,
    default: defaultLimits.keepAliveTimeoutMs,
    value: 'MS',
    help: 'idle keep-alive connections close after this',
  },
  'max-locations': {
    type: 'integer',
    min: 1,
    max: 10_000_000,
    default: defaultStateLimits.maxLocations,
    help: `locations kept by ${adminPaths.listLocations}`,
  },
  'store-bytes': {
    type: 'integer',
    min: 1024,
    max: 2 ** 40,
    default: defaultStateLimits.storeBytes,
    value: 'BYTES',
    help: 'memory the stored locations may take (oldest evicted)',
  },
  'journal-bytes': {
    type: 'integer',
    min: 1024,
    max: 2 ** 40,
    default: defaultStateLimits.journalBytes,
    value: 'BYTES',
    help: 'memory the request journal may take (oldest evicted)',
  },
} as const;

/** `ocpi-location-kit mock`: the mock server on a port, with a banner, request logs and graceful shutdown. */
export const mockCommand = defineCommand({
  name: 'mock',
  summary: `serve the mock of the API (derived from openapi.yaml) on ${defaultHost}:${defaultMockPort}`,
  arguments: '[spec]',
  description: 'Serves the mock of addLocation, derived from openapi.yaml, until SIGINT or SIGTERM.',
  options,
  async run({ values, positionals }) {
    if (positionals.length > 1) throw new UsageError(`name one spec only; got ${positionals.length}`);
    if (positionals[0] !== undefined && values.spec !== undefined)
      throw new UsageError('name the spec once: as the argument or with --spec');
    const spec = positionals[0] ?? values.spec;
    const format = values['log-format'];
    let running: Awaited<ReturnType<typeof serveMock>>;
    try {
      running = await serveMock({
        port: values.port,
        host: values.host,
        ...(spec ? { spec } : {}),
        ...(values.fixtures ? { fixtures: values.fixtures } : {}),
        seed: values.seed,
        apiKeys: values['api-key'],
        integrations: values.integration,
        delayMs: values.delay,
        strict: values.strict,
        ...(values['cors-origin'].length > 0 ? { corsOrigins: values['cors-origin'] } : {}),
        log: createRequestLogger(format),
        ...(values['admin-token'] ? { adminToken: values['admin-token'] } : {}),
        bodyLimit: values['body-limit'],
        urlLimit: values['url-limit'],
        headerLimit: values['header-limit'],
        headersTimeoutMs: values['headers-timeout'],
        requestTimeoutMs: values['request-timeout'],
        keepAliveTimeoutMs: values['keep-alive-timeout'],
        maxLocations: values['max-locations'],
        storeBytes: values['store-bytes'],
        journalBytes: values['journal-bytes'],
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
        throw new ConfigError(`cannot listen on ${values.host}:${values.port}: ${why} (${code})`);
      }
      throw error;
    }
    const generated = values['admin-token'] === undefined ? running.adminToken : undefined;
    process.stdout.write(banner(running.url, running.mock, format, generated));
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
});
