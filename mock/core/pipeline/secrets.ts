import type { Store } from '../state/store.ts';

/**
 * Compares a presented secret with a known one in time that depends only on the known one's length: every
 * code unit is visited and the differences are OR-ed together, with no early exit, so the time taken says
 * nothing about how much of a key was right (`===` stops at the first differing character). Plain JavaScript,
 * so the mock compares keys the same way in Node, in a test runner and in a browser's service worker.
 */
export function sameSecret(presented: string, known: string): boolean {
  let difference = presented.length ^ known.length;
  for (let i = 0; i < known.length; i++) difference |= known.charCodeAt(i) ^ (presented.charCodeAt(i) | 0);
  return difference === 0;
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
