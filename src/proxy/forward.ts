import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { defaultResponseLimit } from '../core/defaults.ts';

/** Where the proxy sends requests, and how it trusts the upstream's TLS certificate. */
export interface UpstreamOptions {
  readonly url: URL;
  /** Extra certificate authorities (PEM), for an upstream with a private CA. */
  readonly ca?: string;
  /** Accept any certificate: for a staging upstream with a self-signed one, never for production. */
  readonly insecure?: boolean;
  /** The upstream has this long to send its whole answer, in ms; past it the client gets 504. */
  readonly timeoutMs: number;
  /** The largest answer relayed, in bytes; a larger one is cut off and the client gets 502. */
  readonly responseLimit?: number;
}

/** A request as it came in: the target below the proxy's root, the raw header list, the body's bytes. */
export interface OutgoingRequest {
  readonly method: string;
  readonly target: string;
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
}

/** The upstream's answer, bytes as sent; or why there is none. */
export type Upstream =
  | { ok: true; status: number; rawHeaders: string[]; headers: IncomingHttpHeaders; body: Buffer }
  | { ok: false; timedOut: boolean; tooLarge?: boolean; message: string };

/** Hop-by-hop headers (RFC 9110 section 7.6.1) belong to one connection and are not forwarded. */
export const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Forwards requests to one upstream over kept-alive connections. */
export function createForwarder(options: UpstreamOptions): (request: OutgoingRequest) => Promise<Upstream> {
  const { url } = options;
  const secure = url.protocol === 'https:';
  const agent = secure
    ? new HttpsAgent({
        keepAlive: true,
        ...(options.ca ? { ca: options.ca } : {}),
        rejectUnauthorized: options.insecure !== true,
      })
    : new HttpAgent({ keepAlive: true });
  const send = secure ? httpsRequest : httpRequest;
  const basePath = url.pathname.replace(/\/+$/, '');
  const limit = options.responseLimit ?? defaultResponseLimit;
  return (request) =>
    new Promise((done) => {
      const headers: string[] = [];
      for (let i = 0; i < request.rawHeaders.length; i += 2) {
        const name = request.rawHeaders[i] as string;
        const lower = name.toLowerCase();
        // Only Host is rewritten; the length is the body's own, since the body was read whole.
        if (hopByHop.has(lower) || lower === 'host' || lower === 'content-length') continue;
        headers.push(name, request.rawHeaders[i + 1] as string);
      }
      headers.push('host', url.host);
      if (request.body.byteLength > 0 || !['GET', 'HEAD'].includes(request.method))
        headers.push('content-length', String(request.body.byteLength));
      let settled = false;
      const finish = (outcome: Upstream) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        done(outcome);
      };
      const outgoing = send(
        {
          protocol: url.protocol,
          hostname: url.hostname.replace(/^\[|\]$/g, ''),
          port: url.port || (secure ? 443 : 80),
          method: request.method,
          path: `${basePath}${request.target}`,
          headers,
          agent,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          let size = 0;
          incoming.on('data', (chunk: Buffer) => {
            size += chunk.byteLength;
            if (size <= limit) return void chunks.push(chunk);
            finish({
              ok: false,
              timedOut: false,
              tooLarge: true,
              message: `its answer is over ${limit} bytes`,
            });
            incoming.destroy();
            outgoing.destroy();
          });
          incoming.on('end', () =>
            finish({
              ok: true,
              status: incoming.statusCode ?? 502,
              rawHeaders: incoming.rawHeaders,
              headers: incoming.headers,
              body: Buffer.concat(chunks),
            }),
          );
          incoming.on('error', (error) => finish({ ok: false, timedOut: false, message: error.message }));
        },
      );
      const timer = setTimeout(() => {
        finish({ ok: false, timedOut: true, message: `no complete answer within ${options.timeoutMs} ms` });
        outgoing.destroy();
      }, options.timeoutMs);
      outgoing.on('error', (error) => finish({ ok: false, timedOut: false, message: error.message }));
      outgoing.end(request.body);
    });
}
