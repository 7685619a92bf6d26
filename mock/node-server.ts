import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createMockApp, type MockApp, type MockOptions } from './app.ts';

/** Where and how to listen, on top of the mock's own options. */
export interface ServeOptions extends MockOptions {
  /** Default 4010; 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** How long `close()` waits for requests in flight before cutting connections, in ms; default 3000. */
  readonly graceMs?: number;
}

/** A listening mock. */
export interface RunningMock {
  readonly url: string;
  readonly port: number;
  readonly mock: MockApp;
  /** Stops accepting connections, lets requests in flight finish (up to the grace period), then resolves. */
  close(): Promise<void>;
}

const loopback = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** Builds the mock and listens: the only place in the mock that opens a port. */
export async function serveMock(options: ServeOptions = {}): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  // Any origin by default on loopback; on a reachable interface browsers are let in only when named.
  const corsOrigins = options.corsOrigins ?? (loopback.test(host) ? '*' : []);
  const mock = createMockApp({ ...options, corsOrigins });
  const server = await new Promise<ReturnType<typeof serve>>((done, fail) => {
    const listening = serve({ fetch: mock.app.fetch, port: options.port ?? 4010, hostname: host }, () =>
      done(listening),
    );
    listening.once('error', fail);
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shown}:${port}`,
    port,
    mock,
    close() {
      closing ??= new Promise<void>((done) => {
        const http = server as unknown as import('node:http').Server;
        // Connections that finish their request while closing go idle later: sweep them until the server is done.
        const sweep = setInterval(() => http.closeIdleConnections?.(), 25);
        const cut = setTimeout(() => http.closeAllConnections?.(), options.graceMs ?? 3000);
        cut.unref();
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(cut);
          done();
        });
        http.closeIdleConnections?.();
      });
      return closing;
    },
  };
}
