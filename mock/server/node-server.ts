import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { defaultHost, defaultMockPort } from '../../src/core/defaults.ts';
import { createMockApp, type MockApp, type MockOptions } from '../app.ts';
import { createClientErrorHandler } from './client-error.ts';
import { defaultLimits, nodeServerOptions, type ServerLimits } from './limits.ts';
import { defaultLinger, installLinger, type LingerLimits, trackRequest } from './linger.ts';
import { gracefulClose, listen } from './listen.ts';
import { createNodeListener } from './node-listener.ts';
import { paceRequests } from './pace.ts';

/** Where and how to listen, and the server's limits, on top of the mock's own options. */
export interface ServeOptions extends MockOptions, Partial<ServerLimits>, Partial<LingerLimits> {
  /** Default `defaultMockPort` (4010); 0 picks a free port. */
  readonly port?: number;
  /** Default `defaultHost` (loopback). */
  readonly host?: string;
  /**
   * Connections the kernel may queue before the mock accepts them; default 4096 (Linux caps it at
   * `net.core.somaxconn`). node:http's 511 overflows when 1,000 clients connect at once while the event loop is busy.
   */
  readonly backlog?: number;
  /** How long `close()` waits for requests in flight before cutting connections, in ms; default 3000. */
  readonly graceMs?: number;
}

/** A listening mock. */
export interface RunningMock {
  readonly url: string;
  readonly port: number;
  readonly mock: MockApp;
  /** The bearer token the `/__mock` routes need: given, or generated when the host is not loopback. */
  readonly adminToken: string | undefined;
  /** Stops accepting connections, lets requests in flight finish (up to the grace period), then resolves. */
  close(): Promise<void>;
}

const loopback = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** Builds the mock and listens: the only place in the mock that opens a port. */
export async function serveMock(options: ServeOptions = {}): Promise<RunningMock> {
  const host = options.host ?? defaultHost;
  // Any origin by default on loopback; on a reachable interface browsers are let in only when named.
  const corsOrigins = options.corsOrigins ?? (loopback.test(host) ? '*' : []);
  // Beyond loopback anyone on the network could reset the mock or read its journal: the admin routes need a token.
  const adminToken =
    options.adminToken ?? (loopback.test(host) ? undefined : randomBytes(18).toString('base64url'));
  const mock = createMockApp({ ...options, corsOrigins, ...(adminToken ? { adminToken } : {}) });
  const limits: ServerLimits = { ...defaultLimits, ...definedLimits(options) };
  const listener = paceRequests(createNodeListener(mock, limits.urlLimit));
  const server: Server = createServer(nodeServerOptions(limits), (req, res) => {
    trackRequest(req);
    listener(req, res);
  });
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  const linger: LingerLimits = {
    lingerMs: options.lingerMs ?? defaultLinger.lingerMs,
    lingerBytes: options.lingerBytes ?? defaultLinger.lingerBytes,
  };
  installLinger(server, linger);
  server.on('clientError', createClientErrorHandler(mock.operation.problems, limits.headerLimit, linger));
  const { port, url } = await listen(server, options.port ?? defaultMockPort, host, options.backlog ?? 4096);
  return { url, port, mock, adminToken, close: gracefulClose(server, options.graceMs ?? 3000) };
}

/** The limits the caller set; an `undefined` field keeps its default. */
function definedLimits(options: Partial<ServerLimits>): Partial<ServerLimits> {
  const out: Partial<Record<keyof ServerLimits, number>> = {};
  for (const name of Object.keys(defaultLimits) as (keyof ServerLimits)[]) {
    if (options[name] !== undefined) out[name] = options[name];
  }
  return out;
}
