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

// `fatal` refuses bytes that are not UTF-8 instead of patching them with U+FFFD; `ignoreBOM` keeps a leading
// U+FEFF in the text, so the parser can name it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes the bytes read; a body that is not UTF-8 is refused rather than patched with U+FFFD. */
export function decodeBody(bytes: Uint8Array): BodyText {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return notUtf8;
  }
}

/** The chunks of a body as one byte array. */
function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
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
    return decodeBody(new Uint8Array(await request.arrayBuffer()));
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
  return decodeBody(concat(chunks, size));
}
