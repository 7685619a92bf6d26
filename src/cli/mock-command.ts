import { parseArgs } from 'node:util';
import { FixtureError } from '../../mock/fixtures.ts';
import { createRequestLogger, type LogFormat } from '../../mock/log.ts';
import { serveMock } from '../../mock/node-server.ts';
import { type Command, UsageError } from './usage-error.ts';

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
  -h, --help             this text`;

const integer = (name: string, text: string | undefined, min: number, max: number): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
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
      throw new UsageError(`${(error as Error).message} (see --help)`);
    }
    const { values } = parsed;
    if (values.help) {
      process.stdout.write(`${help}\n`);
      return 0;
    }
    const format = values['log-format'] ?? 'pretty';
    if (format !== 'pretty' && format !== 'json') {
      throw new UsageError(`--log-format must be pretty or json, got "${format}"`);
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
      });
    } catch (error) {
      if (error instanceof FixtureError) throw new UsageError(error.message);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
        throw new UsageError(
          `cannot listen on ${values.host ?? '127.0.0.1'}:${values.port ?? 4010} (${code})`,
        );
      }
      throw error;
    }
    process.stdout.write(banner(running.url, running.mock.state.store, format as LogFormat));
    return new Promise<number>((done) => {
      const stop = (signal: string) => {
        if (format === 'pretty') process.stdout.write(`\n${signal}: closing the mock\n`);
        running.close().then(() => done(0));
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
  },
};

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
      help: { type: 'boolean', short: 'h' },
    },
  });
}

const v1 = (customer: { codes: Set<string>; clientId: string | undefined } | undefined): string => {
  const code = customer ? [...customer.codes][0] : undefined;
  return code && customer?.clientId ? `, or ?code=${code}&clientId=${customer.clientId}` : '';
};

type Store = Awaited<ReturnType<typeof serveMock>>['mock']['state']['store'];

/** The start-up text: where the mock is, the demo credentials and a curl line that answers 200. */
function banner(url: string, store: Store, format: LogFormat): string {
  const demo = store.customers()[0];
  const key = demo ? [...demo.apiKeys][0] : undefined;
  const integration = demo ? [...demo.integrations][0] : undefined;
  if (format === 'json') {
    return `${JSON.stringify({ event: 'listening', url, docs: `${url}/docs`, customers: store.customerCount() })}\n`;
  }
  const lines = [
    `ocpi-location-kit mock listening on ${url}`,
    `  API reference  ${url}/docs`,
    `  admin          ${url}/__mock/health, /__mock/requests, /__mock/locations`,
  ];
  if (key && integration) {
    lines.push(
      `  demo customer  ${demo?.name}: x-api-key ${key}${v1(demo)}`,
      `  integrations   ${[...(demo?.integrations ?? [])].join(', ')}`,
      '',
      'Try:',
      `  curl -i -X POST '${url}/integrations/${integration}/locations' -H 'x-api-key: ${key}' -H 'content-type: application/json' -d '{"name":"Hatanpää","city":"Tampere","country":"FIN"}'`,
    );
  }
  return `${lines.join('\n')}\n\n`;
}
