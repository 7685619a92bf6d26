/**
 * What a stored item costs, roughly: V8 keeps a string in one or two bytes a character, so two bytes a
 * character is an upper bound; each value adds a small fixed overhead. Cheap enough for every request (a
 * shallow walk, no serialisation).
 */
export function approximateBytes(value: unknown, depth = 4): number {
  if (typeof value === 'string') return 16 + 2 * value.length;
  if (value === null || typeof value !== 'object' || depth === 0) return 16;
  let total = 32;
  if (Array.isArray(value)) {
    for (const item of value) total += approximateBytes(item, depth - 1);
    return total;
  }
  for (const key in value) {
    total += 16 + key.length + approximateBytes((value as Record<string, unknown>)[key], depth - 1);
  }
  return total;
}

/**
 * The first `maxChars` characters of `text` as a string of its own: `slice` alone would keep the whole
 * original alive (V8 makes a long slice a view of its parent), which is the memory a limit is meant to free.
 */
export function truncateText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return decoder.decode(encoder.encode(text.slice(0, maxChars)));
}

// A round trip through UTF-8 makes a new string, in Node and in browsers alike (a lone surrogate left by the cut
// becomes U+FFFD).
const encoder = new TextEncoder();
const decoder = new TextDecoder();
