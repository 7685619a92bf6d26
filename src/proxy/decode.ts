import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/** A decoded copy is never larger than this: a compression bomb costs the checker nothing. */
const maxDecoded = 16 * 1024 * 1024;

/**
 * The text of a body for the checker, with its `Content-Encoding` undone on a copy (the bytes forwarded stay
 * compressed, RFC 9110 section 8.4). `undefined` when the coding is unknown or the bytes do not decode.
 */
export function decodedText(body: Buffer, contentEncoding: string | undefined): string | undefined {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  let bytes = body;
  try {
    // Codings are listed in the order they were applied, so they are undone from the last.
    for (const coding of codings.reverse()) {
      if (coding === 'gzip' || coding === 'x-gzip')
        bytes = gunzipSync(bytes, { maxOutputLength: maxDecoded });
      else if (coding === 'deflate') bytes = inflateSync(bytes, { maxOutputLength: maxDecoded });
      else if (coding === 'br') bytes = brotliDecompressSync(bytes, { maxOutputLength: maxDecoded });
      else return undefined;
    }
  } catch {
    return undefined;
  }
  return bytes.toString('utf8');
}
