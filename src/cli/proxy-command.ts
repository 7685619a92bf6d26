import { readFileSync, writeFileSync } from 'node:fs';
import { writeOrDrop } from '../../mock/output.ts';
import { ConfigError } from '../core/config-error.ts';
import {
  defaultHost,
  defaultProxyPort,
  defaultResponseLimit,
  defaultUpstreamTimeoutMs,
} from '../core/defaults.ts';
import { providerName } from '../core/record/pact-names.ts';
import { createPactRecorder } from '../core/record/pact-recorder.ts';
import { formatExchangeJunit } from '../core/report/exchange-report.ts';
import { plural } from '../core/report/text.ts';
import { loadSpec } from '../node/load-spec.ts';
import { saveRecordedPact } from '../pact/save-recorded-pact.ts';
import { serveProxy } from '../proxy/proxy-server.ts';
import { defineCommand } from './command.ts';
import { UsageError } from './parse-argv.ts';
import { requestLimitOptions } from './request-limit-options.ts';

/** Exchanges in flight get this long to finish after SIGINT or SIGTERM. */
const graceMs = 3000;

/** `proxy`: a reverse proxy that checks every exchange against openapi.yaml, and can record pacts from it. */
export const proxyCommand = defineCommand({
  name: 'proxy',
  summary: 'a reverse proxy that checks every exchange against openapi.yaml (and records pacts)',
  description: `Forwards every request to the upstream (eMabler, a partner, a staging deployment) and checks both directions
against openapi.yaml: the request's path, query, credentials and body, the answer's status, media type and
schema. Observe mode forwards everything unchanged and logs one line per exchange; --enforce answers a request
that breaks the spec with 400 itself. Runs until SIGINT or SIGTERM, then writes the report and the pacts.`,
  options: {
    upstream: {
      type: 'string',
      value: 'URL',
      help: 'the API to forward to, e.g. https://api.emabler.net/api',
    },
    port: {
      type: 'integer',
      short: 'p',
      min: 0,
      max: 65535,
      default: defaultProxyPort,
      help: 'port to listen on, 0 for a free one',
    },
    host: { type: 'string', default: defaultHost, help: 'interface to listen on' },
    spec: { type: 'string', value: 'FILE', help: "the OpenAPI document (default: the project's)" },
    enforce: {
      type: 'boolean',
      help: 'answer a request that breaks the spec with 400; it never reaches the upstream',
    },
    report: { type: 'string', value: 'FILE', help: 'write the report here when the proxy stops' },
    format: {
      type: 'string',
      choices: ['json', 'junit'],
      default: 'json',
      help: 'the report file: json or junit',
    },
    'record-pacts': {
      type: 'string',
      value: 'DIR',
      help: 'record a consumer pact of the forwarded exchanges into DIR',
    },
    consumer: {
      type: 'string',
      default: 'recorded-consumer',
      help: 'the consumer name of the recorded pact',
    },
    provider: { type: 'string', default: providerName, help: 'the provider name of the recorded pact' },
    ca: {
      type: 'string',
      value: 'FILE',
      help: "PEM certificate authorities to trust for the upstream's TLS",
    },
    insecure: { type: 'boolean', help: 'accept any upstream certificate (staging only)' },
    'upstream-timeout': {
      type: 'integer',
      min: 1,
      max: 3_600_000,
      default: defaultUpstreamTimeoutMs,
      value: 'MS',
      help: 'time the upstream has to answer (504 past it)',
    },
    'response-limit': {
      type: 'integer',
      min: 1024,
      max: 2 ** 30,
      default: defaultResponseLimit,
      value: 'BYTES',
      help: 'largest upstream answer relayed (502 past it; each answer is read whole to be checked)',
    },
    ...requestLimitOptions,
    quiet: { type: 'boolean', help: 'log only the exchanges with a violation' },
  },
  footer:
    'Exit codes at stop: 0 no violation, 1 a violation (or a recorded pact compare refuses), 2 usage error or upstream unusable.',
  async run({ values }) {
    const upstream = upstreamUrl(values.upstream);
    const spec = loadSpec(values.spec);
    const ca = values.ca === undefined ? undefined : readCa(values.ca);
    const recorder = values['record-pacts']
      ? createPactRecorder(spec, { consumer: values.consumer, provider: values.provider })
      : undefined;
    const out = (line: string) => writeOrDrop(process.stdout, `${line}\n`);
    let running: Awaited<ReturnType<typeof serveProxy>>;
    try {
      running = await serveProxy({
        spec,
        upstream: {
          url: upstream,
          ...(ca ? { ca } : {}),
          insecure: values.insecure === true,
          timeoutMs: values['upstream-timeout'],
          responseLimit: values['response-limit'],
        },
        port: values.port,
        host: values.host,
        enforce: values.enforce === true,
        bodyLimit: values['body-limit'],
        urlLimit: values['url-limit'],
        headerLimit: values['header-limit'],
        log: values.quiet ? (line) => line.includes(' VIOLATION ') && out(line) : out,
        ...(recorder ? { recorder } : {}),
        graceMs,
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL')
        throw new ConfigError(
          `cannot listen on ${values.host}:${values.port} (${code}); choose another --port or --host`,
        );
      throw error;
    }
    const mode = values.enforce ? 'enforce: requests that break the spec get 400' : 'observe';
    out(
      `ocpi-location-kit proxy listening on ${running.url} -> ${upstream.href} (${mode}); report at ${running.url}/__proxy/report`,
    );
    return new Promise<number>((done) => {
      let stopping = false;
      const stop = async (signal: NodeJS.Signals) => {
        if (stopping) process.exit(signal === 'SIGINT' ? 130 : 143);
        stopping = true;
        writeOrDrop(process.stderr, `${signal}: closing the proxy\n`);
        await running.close();
        const report = running.report();
        if (values.report) {
          const text =
            values.format === 'junit' ? formatExchangeJunit(report) : `${JSON.stringify(report, null, 2)}\n`;
          writeFileSync(values.report, text);
        }
        let pactErrors = 0;
        if (recorder && values['record-pacts']) {
          const saved = await saveRecordedPact(spec, values['record-pacts'], recorder);
          const errors = saved.findings.filter((f) => f.severity === 'error');
          pactErrors = errors.length;
          for (const f of errors)
            writeOrDrop(process.stderr, `pact: ${f.interaction.description}: ${f.message} [${f.code}]\n`);
          out(`recorded ${plural(recorder.pact().interactions.length, 'interaction')} into ${saved.path}`);
        }
        const { exchanges = 0, requestViolations = 0, responseViolations = 0 } = report.summary;
        out(
          `${plural(exchanges, 'exchange')}: ${plural(requestViolations, 'request violation')}, ${plural(responseViolations, 'response violation')}`,
        );
        done(report.ok && pactErrors === 0 ? 0 : 1);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
});

function upstreamUrl(value: string | undefined): URL {
  if (value === undefined) throw new UsageError('--upstream is required');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--upstream must be an http(s) URL; got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--upstream must be an http(s) URL; got "${value}"`);
  return url;
}

function readCa(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `--ca ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}
