import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { defaultCheckerPort, defaultHost } from '../core/defaults.ts';

/**
 * What the static checker may do, as a header: its own script and stylesheet and nothing else; no inline script,
 * no eval, no request (W3C Content Security Policy Level 3). A static host can send the same header.
 */
export const checkerPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const types: Record<string, string> = {
  'index.html': 'text/html; charset=UTF-8',
  'checker.js': 'text/javascript; charset=UTF-8',
  'checker.css': 'text/css; charset=UTF-8',
  'favicon.svg': 'image/svg+xml',
};

/** A listening static checker. */
export interface RunningChecker {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the static checker's files from `folder` under `checkerPolicy`; anything else is a 404. */
export async function serveChecker(
  folder: string,
  port = defaultCheckerPort,
  host = defaultHost,
): Promise<RunningChecker> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const name = path === '/' ? 'index.html' : path.slice(1);
    const type = types[name];
    if (!type || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(type ? 405 : 404, { 'content-type': 'text/plain; charset=UTF-8' }).end('Not found\n');
      return;
    }
    readFile(join(folder, name)).then(
      (body) => {
        res.writeHead(200, {
          'content-type': type,
          'content-length': body.byteLength,
          'content-security-policy': checkerPolicy,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        });
        res.end(body);
      },
      () => res.writeHead(404, { 'content-type': 'text/plain; charset=UTF-8' }).end('Not found\n'),
    );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}/`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
