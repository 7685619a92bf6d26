import { once } from 'node:events';
import { connect, type Socket } from 'node:net';

/** One HTTP/1.1 answer read off a raw socket. */
export interface WireAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** The server closed the connection after (or instead of) the answer. */
  readonly closed: boolean;
  /** Bytes the server sent before closing, when they did not form an answer. */
  readonly raw: string;
}

/** Opens a raw TCP connection to the mock, for what `fetch` cannot send. */
export async function open(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  await once(socket, 'connect');
  return socket;
}

/**
 * Reads one answer from `socket`: until its body is complete (Content-Length) or the server closes. Rejects after
 * `timeoutMs`, a safety net only.
 */
export function readAnswer(socket: Socket, timeoutMs = 10_000): Promise<WireAnswer> {
  return new Promise((done, fail) => {
    let data = leftovers.get(socket) ?? Buffer.alloc(0);
    const finish = (closed: boolean, used = data.length) => {
      cleanup();
      leftovers.set(socket, data.subarray(used));
      done(parse(data.subarray(0, used).toString('latin1'), closed));
    };
    const look = () => {
      const text = data.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return;
      const declared = /\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, end))?.[1];
      const length = /^HTTP\/1\.1 (204|304) /.test(text) ? 0 : Number(declared ?? Number.NaN);
      if (Number.isFinite(length) && data.length >= end + 4 + length)
        finish(socket.destroyed, end + 4 + length);
    };
    const onData = (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      look();
    };
    const onClose = () => finish(true);
    const timer = setTimeout(() => {
      cleanup();
      fail(new Error(`no answer within ${timeoutMs} ms: ${JSON.stringify(data.toString('latin1'))}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
    };
    socket.on('data', onData);
    socket.on('close', onClose);
    look();
  });
}

/** Bytes read past the end of one answer: the start of the next (pipelining). */
const leftovers = new WeakMap<Socket, Buffer>();

/** Sends `request` on a fresh connection and reads the answer. */
export async function exchange(
  port: number,
  request: string | Buffer,
  timeoutMs?: number,
): Promise<WireAnswer> {
  const socket = await open(port);
  const answer = readAnswer(socket, timeoutMs);
  socket.write(request);
  try {
    return await answer;
  } finally {
    socket.destroy();
  }
}

/** Waits until the server closes `socket`; resolves with the ms it took. */
export async function closedWithin(socket: Socket, timeoutMs = 10_000): Promise<number> {
  const started = performance.now();
  if (socket.destroyed) return 0;
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`still open after ${timeoutMs} ms`)), timeoutMs);
    socket.once('close', () => {
      clearTimeout(timer);
      done();
    });
  });
  return performance.now() - started;
}

function parse(text: string, closed: boolean): WireAnswer {
  const end = text.indexOf('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
  if (end < 0 || status === 0) return { status: 0, headers: {}, body: '', closed, raw: text };
  const headers: Record<string, string> = {};
  for (const line of text.slice(0, end).split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = Buffer.from(text.slice(end + 4), 'latin1').toString('utf8');
  return { status, headers, body, closed: closed || headers.connection === 'close', raw: text };
}

/** A request as the wire carries it; `body` gets a Content-Length unless a header says otherwise. */
export function request(
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Buffer {
  const lines = [`${method} ${target} HTTP/1.1`, 'host: 127.0.0.1'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  const bytes = body === undefined ? undefined : Buffer.from(body);
  if (bytes && !Object.keys(headers).some((h) => /^(content-length|transfer-encoding)$/i.test(h))) {
    lines.push(`content-length: ${bytes.length}`);
  }
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), bytes ?? Buffer.alloc(0)]);
}
