import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultHost } from '../../src/core/defaults.ts';

/**
 * Listens on `host:port` (0 picks a free port); a busy port or a foreign address rejects with node's error. The
 * URL names the address a client can open: an IPv6 host in brackets, the wildcard as loopback.
 */
export async function listen(
  server: Server,
  port: number,
  host: string,
  backlog: number,
): Promise<{ port: number; url: string }> {
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen({ port, host, backlog }, () => {
      server.off('error', fail);
      done();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? defaultHost : host;
  return { port: bound, url: `http://${shown}:${bound}` };
}

/**
 * The server's `close`: requests in flight get `graceMs` to finish, connections that go idle meanwhile are closed
 * as they do, and every call waits for the same end.
 */
export function gracefulClose(server: Server, graceMs: number): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= new Promise<void>((done) => {
      // Connections that finish their request while closing go idle later: sweep them until the server is done.
      const sweep = setInterval(() => server.closeIdleConnections(), 25);
      const cut = setTimeout(() => server.closeAllConnections(), graceMs);
      cut.unref();
      server.close(() => {
        clearInterval(sweep);
        clearTimeout(cut);
        done();
      });
      server.closeIdleConnections();
    });
    return closing;
  };
}
