import { connect } from 'node:net';
import { demo } from '../../support/demo.ts';

/** What a write-everything-then-read client saw. */
export interface WriteFirstResult {
  /** The status of the answer read, or 0 when none came. */
  readonly status: number;
  /** The socket error the client met (EPIPE, ECONNRESET), if any. */
  readonly error: string | undefined;
}

/**
 * Acts like the many HTTP libraries that write the whole request before reading a byte of the answer: the
 * socket is not read until the last byte of `body` is handed to the kernel, so an answer sent early waits in
 * the client's receive buffer, where a reset from the server would throw it away (RFC 9112 section 9.6).
 */
export function writeFirst(
  port: number,
  head: string,
  body: Buffer,
  timeoutMs = 15_000,
): Promise<WriteFirstResult> {
  return new Promise((done) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let data = '';
    let error: string | undefined;
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error ??= e.code ?? e.message;
    });
    socket.on('close', () => {
      clearTimeout(timer);
      done({ status: Number(/^HTTP\/1\.1 (\d{3}) /.exec(data)?.[1] ?? 0), error });
    });
    socket.on('connect', () => {
      socket.pause();
      socket.write(head);
      socket.write(body, () => {
        socket.on('data', (chunk: Buffer) => {
          data += chunk.toString('latin1');
        });
        socket.resume();
        // Without `Connection: close` the client closes once it has the answer, as a one-shot client does.
        socket.once('data', () => setTimeout(() => socket.end(), 20));
      });
    });
  });
}

/** The head of a POST to the operation declaring `length` bytes of body, with `extra` header lines. */
export function postHead(port: number, length: number, extra: string[] = []): string {
  return [
    'POST /integrations/int-tampere-roaming/locations HTTP/1.1',
    `host: 127.0.0.1:${port}`,
    `x-api-key: ${demo.apiKey}`,
    'content-type: application/json',
    `content-length: ${length}`,
    ...extra,
    '',
    '',
  ].join('\r\n');
}

/**
 * A client that never stops sending: after `head` it writes 1 MiB chunks until the socket fails or closes, and
 * reports the socket error it met (the server must cut it off; a finite body could be drained whole first).
 */
export function writeForever(port: number, head: string, timeoutMs = 15_000): Promise<WriteFirstResult> {
  return new Promise((done) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let error: string | undefined;
    let closed = false;
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error ??= e.code ?? e.message;
    });
    socket.on('close', () => {
      closed = true;
      clearTimeout(timer);
      done({ status: 0, error });
    });
    const pump = () => {
      while (!closed && !socket.destroyed && socket.write(chunk));
      if (!closed && !socket.destroyed) socket.once('drain', pump);
    };
    socket.on('connect', () => {
      socket.pause();
      socket.write(head);
      pump();
    });
  });
}
