import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Problems } from '../core/pipeline/problem.ts';
import { isLingering, type LingerLimits, lingerClose } from './linger.ts';

/** What node:http passes to `clientError`: the parser's code, or the timeout's. */
type ClientError = Error & { code?: string };

const answers: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'The request line and headers are over the limit of {headerLimit} bytes.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request was not received in time; the connection is closed.'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'The chunk extensions are over the limit.'],
};

const reasons: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Content Too Large',
  431: 'Request Header Fields Too Large',
};

/**
 * Answers what node:http cannot hand to the mock (not HTTP, an unknown method, headers over the limit, a client
 * too slow) with a problem document and closes the connection, as node:http itself would but with a body that
 * says why. A connection that has already had an answer, or is gone, is just closed.
 */
export function createClientErrorHandler(
  problems: Problems,
  headerLimit: number,
  linger?: LingerLimits,
): (error: ClientError, socket: Duplex) => void {
  return (error, socket) => {
    // The parser keeps failing on the bytes a lingering client still sends: they are being discarded.
    if (isLingering(socket)) return;
    const code = error.code ?? '';
    const net = socket as Duplex & { bytesWritten?: number };
    if (code !== 'ECONNRESET' && socket.writable && (net.bytesWritten ?? 0) === 0) {
      const [status, detail] = answers[code] ?? [
        400,
        `The request is not valid HTTP/1.1 (${code || 'unreadable'}).`,
      ];
      const reply = problems.connection(status, detail.replace('{headerLimit}', String(headerLimit)));
      socket.write(
        `HTTP/1.1 ${status} ${reasons[status]}\r\ncontent-type: ${reply.contentType}\r\ncontent-length: ${Buffer.byteLength(reply.body)}\r\nconnection: close\r\n\r\n${reply.body}`,
      );
      // A client that writes its whole request before reading must get the answer, not a reset: linger.
      if (linger && socket instanceof Socket && code !== 'ERR_HTTP_REQUEST_TIMEOUT')
        return lingerClose(socket, linger);
    }
    socket.destroy();
  };
}
