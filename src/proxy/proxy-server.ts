import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pipelineLimits } from '../../mock/core/pipeline/limits.ts';
import { createProblems } from '../../mock/core/pipeline/problem.ts';
import { createClientErrorHandler } from '../../mock/server/client-error.ts';
import { defaultLimits, nodeServerOptions, type ServerLimits } from '../../mock/server/limits.ts';
import { defaultLinger, installLinger, trackRequest } from '../../mock/server/linger.ts';
import { gracefulClose, listen } from '../../mock/server/listen.ts';
import { defaultHost } from '../core/defaults.ts';
import { createExchangeChecker } from '../core/exchange/check-exchange.ts';
import { createExchangeRedactor } from '../core/exchange/redact.ts';
import type { Spec } from '../core/openapi/spec.ts';
import type { PactRecorder } from '../core/record/pact-recorder.ts';
import type { Envelope } from '../core/report/envelope.ts';
import { createExchangeLog, type Violation } from '../core/report/exchange-report.ts';
import { createForwarder, type UpstreamOptions } from './forward.ts';
import { createExchangeHandler } from './handle-exchange.ts';

/** How the proxy listens, where it forwards, and what it does with what it sees. */
export interface ProxyOptions extends Partial<ServerLimits> {
  readonly spec: Spec;
  readonly upstream: UpstreamOptions;
  /** Default 0, a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Answer a request that breaks the spec with 400 instead of forwarding it. */
  readonly enforce?: boolean;
  /** Largest request body forwarded (413 past it); default the mock's. */
  readonly bodyLimit?: number;
  /** Called with one line per exchange. */
  readonly log?: (line: string) => void;
  /** Records each forwarded exchange into a consumer pact. */
  readonly recorder?: PactRecorder;
  /** How long `close()` waits for exchanges in flight, in ms; default 3000. */
  readonly graceMs?: number;
}

/** A listening proxy. */
export interface RunningProxy {
  readonly url: string;
  readonly port: number;
  /** The report so far: exchanges counted, every violation. */
  report(): Envelope<Violation>;
  /** Stops accepting, lets exchanges in flight finish (up to the grace period), then resolves. */
  close(): Promise<void>;
}

/** The proxy's own routes live under this prefix and are never forwarded. */
export const proxyRoutes = '/__proxy/';

/** Starts the validating reverse proxy: the only place of the proxy that opens a port. */
export async function serveProxy(options: ProxyOptions): Promise<RunningProxy> {
  const { spec } = options;
  const limits: ServerLimits = { ...defaultLimits, ...definedLimits(options) };
  const problems = createProblems(spec);
  const exchanges = createExchangeLog('proxy');
  const handle = createExchangeHandler({
    checker: createExchangeChecker(spec),
    redactor: createExchangeRedactor(spec),
    problems,
    forward: createForwarder(options.upstream),
    log: exchanges,
    enforce: options.enforce === true,
    bodyLimit: options.bodyLimit ?? pipelineLimits.bodyLimit,
    urlLimit: limits.urlLimit,
    ...(options.log ? { writeLine: options.log } : {}),
    ...(options.recorder ? { recorder: options.recorder } : {}),
  });
  const server: Server = createServer(nodeServerOptions(limits), (req, res) => {
    trackRequest(req);
    if (req.url?.startsWith(proxyRoutes)) return ownRoute(req, res, exchanges.envelope);
    handle(req, res);
  });
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  installLinger(server, defaultLinger);
  server.on('clientError', createClientErrorHandler(problems, limits.headerLimit, defaultLinger));
  const host = options.host ?? defaultHost;
  const { port, url } = await listen(server, options.port ?? 0, host, 4096);
  return { url, port, report: exchanges.envelope, close: gracefulClose(server, options.graceMs ?? 3000) };
}

/** `GET /__proxy/report`: the same report the proxy writes when it stops. */
function ownRoute(req: IncomingMessage, res: ServerResponse, report: () => Envelope<Violation>): void {
  req.resume();
  const known = req.url === `${proxyRoutes}report`;
  const status = !known ? 404 : req.method === 'GET' ? 200 : 405;
  const body =
    status === 200 ? report() : { title: status === 404 ? 'No such proxy route' : 'Use GET', status };
  res.writeHead(status, {
    'content-type': status === 200 ? 'application/json' : 'application/problem+json',
    'cache-control': 'no-store',
    ...(status === 405 ? { allow: 'GET' } : {}),
  });
  res.end(`${JSON.stringify(body, null, 2)}\n`);
}

/** The limits the caller set; an `undefined` field keeps its default. */
function definedLimits(options: Partial<ServerLimits>): Partial<ServerLimits> {
  const out: Partial<Record<keyof ServerLimits, number>> = {};
  for (const name of Object.keys(defaultLimits) as (keyof ServerLimits)[]) {
    if (options[name] !== undefined) out[name] = options[name];
  }
  return out;
}
