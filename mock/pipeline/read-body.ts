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
export function decodeBody(bytes: Buffer): BodyText {
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
    return decodeBody(Buffer.from(await request.arrayBuffer()));
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
  return decodeBody(Buffer.concat(chunks));
}
