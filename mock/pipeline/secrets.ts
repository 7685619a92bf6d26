import { timingSafeEqual } from 'node:crypto';
import { sha256Bytes } from '../../src/openapi/sha256.ts';
import type { Store } from '../state/store.ts';

/** Compares two secrets; see `createSecretComparer`. */
export type SecretComparer = (presented: string, known: string) => boolean;

/**
 * Compares secrets through fixed-length SHA-256 digests and `crypto.timingSafeEqual`: the time taken says
 * nothing about how much of a key was right (`===` stops at the first differing character). Digests are kept
 * per comparer (the same key arrives on every request), at most `limit` of them, so random keys cannot grow it;
 * whether one was cached tells only whether the very same string was seen before, which trying it tells anyway.
 */
export function createSecretComparer(limit = 10_000): SecretComparer {
  const digests = new Map<string, Uint8Array>();
  const digestOf = (secret: string): Uint8Array => {
    let value = digests.get(secret);
    if (!value) {
      if (digests.size >= limit) digests.clear();
      value = sha256Bytes(secret);
      digests.set(secret, value);
    }
    return value;
  };
  return (presented, known) => timingSafeEqual(digestOf(presented), digestOf(known));
}

/** Masks every known secret of a store in a text; see `createRedactor`. */
export type Redactor = (text: string) => string;

/**
 * Masks every known API key and function code wherever a client put it (a path, a query parameter that is not
 * a credential, a body value echoed in an issue): the journal is readable by anyone who can reach `/__mock`.
 * What to look for is worked out again only when the store's customers change (the log calls it per request).
 */
export function createRedactor(store: Store): Redactor {
  let known: { revision: number; masks: string[] } | undefined;
  const masksOf = (): string[] => {
    if (known?.revision === store.revision) return known.masks;
    const masks: string[] = [];
    for (const customer of store.customers()) {
      for (const secret of [...customer.apiKeys, ...customer.codes]) {
        if (secret.length < 3) continue;
        const escaped = JSON.stringify(secret).slice(1, -1);
        const encoded = encodeURIComponent(secret);
        masks.push(escaped);
        if (encoded !== escaped) masks.push(encoded);
      }
    }
    known = { revision: store.revision, masks };
    return masks;
  };
  return (text) => {
    let out = text;
    for (const mask of masksOf()) if (out.includes(mask)) out = out.replaceAll(mask, '***');
    return out;
  };
}
