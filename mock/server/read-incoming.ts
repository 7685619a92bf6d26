import type { IncomingMessage } from 'node:http';
import { type BodyText, decodeBody } from '../core/pipeline/read-body.ts';

/**
 * Reads the body straight from Node's `IncomingMessage` when the mock runs on @hono/node-server: touching
 * `Request.body` there builds a web stream, an AbortSignal and an undici Request per request (the hot path's
 * largest cost), while the raw message is already a byte stream.
 */
export function readIncoming(incoming: IncomingMessage, limit: number): Promise<BodyText> {
  const declared = incoming.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    // Up to twice the limit is drained unread, so the connection lives on; more is not worth the bandwidth.
    incoming.resume();
    return Promise.resolve(
      Number(declared) > 2 * limit
        ? { ok: false, tooLarge: true, abandon: true }
        : { ok: false, tooLarge: true },
    );
  }
  // Events rather than `for await`: the async iterator costs more than the rest of a small body's read.
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        incoming.off('data', onData);
        incoming.resume();
        // A chunked body has no end in sight: the connection closes after the answer.
        done({ ok: false, tooLarge: true, abandon: true });
        return;
      }
      chunks.push(chunk);
    };
    incoming.on('data', onData);
    incoming.once('end', () => {
      if (size > limit) return;
      done(decodeBody(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    });
    incoming.once('error', () => done({ ok: false, tooLarge: false }));
  });
}
