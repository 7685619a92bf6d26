import type { IncomingMessage, Server } from 'node:http';
import { Socket } from 'node:net';

/** How long, and how much, the mock reads and discards from a client before closing on it. */
export interface LingerLimits {
  /** Longest linger, in ms; default 5000. */
  readonly lingerMs: number;
  /** Most bytes read and discarded while lingering; default 64 MiB. */
  readonly lingerBytes: number;
}

/** The defaults: long enough for any client on a LAN to finish writing a body of a few tens of MB. */
export const defaultLinger: LingerLimits = { lingerMs: 5000, lingerBytes: 64 * 1024 * 1024 };

const current = Symbol('the request being read on this socket');
type Tracked = Socket & { [current]?: IncomingMessage };
const plainDestroySoon = Socket.prototype.destroySoon;

/** Remembers the request a socket is reading, for `installLinger`; called first thing for every request. */
export function trackRequest(req: IncomingMessage): void {
  (req.socket as Tracked)[current] = req;
}

/**
 * Makes every connection of `server` close by lingering when its request is not fully read (RFC 9112 section
 * 9.6): node:http ends a `Connection: close` exchange with `destroySoon()`, and destroying a socket with unread
 * bytes makes the kernel send RST, which throws away the answer the client has not read yet (a 413 to a client
 * that writes its whole body first). Lingering sends FIN after the answer instead, keeps reading (node:http's
 * parser discards the rest of the body), and destroys the socket when the client closes or the limits are up.
 */
export function installLinger(server: Server, limits: LingerLimits = defaultLinger): void {
  function destroySoon(this: Tracked): void {
    const req = this[current];
    if (req !== undefined && !req.complete) lingerClose(this, limits);
    else plainDestroySoon.call(this);
  }
  server.on('connection', (socket: Socket) => {
    socket.destroySoon = destroySoon;
  });
}

const lingering = new WeakSet<Socket>();

/**
 * Half-closes `socket` once what was written is out, reads and discards until the client closes, `lingerMs`
 * passes or `lingerBytes` more arrive, then destroys it. Safe to call again on a socket already lingering.
 */
export function lingerClose(socket: Socket, limits: LingerLimits = defaultLinger): void {
  if (socket.destroyed || lingering.has(socket)) return;
  lingering.add(socket);
  socket.end();
  socket.resume();
  // Bytes the socket reads are counted here whoever consumes them (node:http's parser or `resume`).
  const readAtStart = socket.bytesRead;
  const check = setInterval(() => {
    if (socket.bytesRead - readAtStart > limits.lingerBytes) socket.destroy();
  }, 50);
  const timer = setTimeout(() => socket.destroy(), limits.lingerMs);
  check.unref();
  timer.unref();
  socket.once('close', () => {
    clearInterval(check);
    clearTimeout(timer);
  });
}

/** True while `socket` is lingering: an error on it now is the client's late bytes, not a new request. */
export function isLingering(socket: object): boolean {
  return lingering.has(socket as Socket);
}
