import { isUtf8 } from 'node:buffer';

/** A request body as text, or the news that it was over the limit, not UTF-8 (RFC 8259 section 8.1) or cut off. */
export type BodyText =
  | { ok: true; text: string }
  | {
      ok: false;
      tooLarge: boolean;
      notUtf8?: true;
      /** More is left unread than is worth draining: close the connection after the answer. */
      abandon?: true;
    };

const notUtf8: BodyText = { ok: false, tooLarge: false, notUtf8: true };

/** Decodes the bytes read; a body that is not UTF-8 is refused rather than patched with U+FFFD. */
function decode(bytes: Buffer): BodyText {
  return isUtf8(bytes) ? { ok: true, text: bytes.toString('utf8') } : notUtf8;
}

/**
 * Reads a request body up to `limit` bytes. A declared `Content-Length` over the limit is refused before any
 * byte is read; a chunked body is read only until it passes the limit.
 */
export async function readBody(request: Request, limit: number): Promise<BodyText> {
  if (!request.body) return { ok: true, text: '' };
  const declared = request.headers.get('content-length');
  if (declared !== null) {
    if (Number(declared) > limit) {
      await request.body.cancel().catch(() => undefined);
      return { ok: false, tooLarge: true };
    }
    return decode(Buffer.from(await request.arrayBuffer()));
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, tooLarge: true };
    }
    chunks.push(value);
  }
  return decode(Buffer.concat(chunks));
}

/**
 * Reads the body straight from Node's `IncomingMessage` when the mock runs on @hono/node-server: touching
 * `Request.body` there builds a web stream, an AbortSignal and an undici Request per request (the hot path's
 * largest cost), while the raw message is already a byte stream.
 */
export function readIncoming(
  incoming: import('node:http').IncomingMessage,
  limit: number,
): Promise<BodyText> {
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
      done(decode(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    });
    incoming.once('error', () => done({ ok: false, tooLarge: false }));
  });
}
