import type { IncomingMessage, ServerResponse } from 'node:http';

type ParsedRequest = IncomingMessage & { body?: unknown };
type RequestFilter = (request: ParsedRequest, response: ServerResponse, next: () => void) => void;

/**
 * A request filter for pact-js's verification proxy. The proxy parses JSON and form bodies, then sends
 * `JSON.stringify(body)` on under the verifier's original Content-Length, and nothing at all for `{}` or `[]`
 * (its parseBody reads an object without keys as no body). A provider then waits for bytes that never come (a
 * pact sending `{}`), or reads a cut body (`50.0` becomes `50`). This puts back bytes that match the header.
 * The proxy's own routes (`ownPaths`, e.g. its state-change endpoint) read the parsed body and are left alone.
 */
export function forwardBody(ownPaths: readonly string[]): RequestFilter {
  return (request, _response, next) => {
    const { body, headers } = request;
    const path = (request.url ?? '').split('?')[0] ?? '';
    const sent = headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined;
    const parsed = body !== null && typeof body === 'object' && !Buffer.isBuffer(body);
    if (sent && parsed && !ownPaths.includes(path)) {
      const form = /^application\/x-www-form-urlencoded/i.test(headers['content-type'] ?? '');
      const bytes = Buffer.from(
        form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body),
      );
      request.body = bytes;
      headers['content-length'] = String(bytes.length);
      delete headers['transfer-encoding'];
    }
    next();
  };
}
