/** A request body as text, or the news that it was over the limit. */
export type BodyText = { ok: true; text: string } | { ok: false; tooLarge: true };

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
    return { ok: true, text: await request.text() };
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
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}
