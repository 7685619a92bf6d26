import type { Ring } from '../core/state/ring.ts';

/** How much one listing page may hold: a page is built and sent in well under a few hundred ms. */
export const pageLimits = { defaultItems: 100, maxItems: 1000, maxBytes: 256 * 1024 } as const;

/** The paging parameters of a listing, read from its query. */
export interface PageQuery {
  /** Most items in the page. */
  readonly limit: number;
  /** Items older than this sequence number; absent: start at the newest. */
  readonly before: number | undefined;
}

/** Reads `limit` and `cursor`; a value that is not one is an expected failure, answered 400. */
export function readPageQuery(
  limit: string | undefined,
  cursor: string | undefined,
): { ok: true; value: PageQuery } | { ok: false; message: string } {
  if (limit !== undefined && !/^\d{1,4}$/.test(limit)) {
    return { ok: false, message: `limit must be a whole number from 0 to ${pageLimits.maxItems}.` };
  }
  const items = limit === undefined ? pageLimits.defaultItems : Number(limit);
  if (items > pageLimits.maxItems) {
    return { ok: false, message: `limit must be a whole number from 0 to ${pageLimits.maxItems}.` };
  }
  if (cursor !== undefined && !/^\d{1,15}$/.test(cursor)) {
    return { ok: false, message: 'cursor must be the "next" value of an earlier page.' };
  }
  return { ok: true, value: { limit: items, before: cursor === undefined ? undefined : Number(cursor) } };
}

/** One page: each item already serialised, oldest first, and the cursor of the page before it. */
export interface Page<T> {
  readonly items: string[];
  /** The items themselves, in the same order. */
  readonly values: T[];
  /** The cursor of the older items, or null when this page reaches the oldest item held. */
  readonly next: string | null;
  /** True when the page stopped at the byte cap rather than at `limit`. */
  readonly capped: boolean;
}

/**
 * Walks `ring` from the newest item (or from `before`) towards the oldest, serialising each item that passes
 * `keep` (and `format` shapes) until `limit` items or the byte cap: the work and the answer are bounded whatever
 * the ring holds, so a listing never builds a string too long for V8 nor stalls the event loop.
 */
export function pageOf<T>(
  ring: Ring<T>,
  query: PageQuery,
  keep: (item: T) => boolean = () => true,
  format: (item: T) => unknown = (item) => item,
): Page<T> {
  const items: string[] = [];
  const values: T[] = [];
  let bytes = 0;
  let capped = false;
  let seq = Math.min(query.before ?? ring.end, ring.end) - 1;
  for (; seq >= ring.start && items.length < query.limit; seq--) {
    const item = ring.at(seq) as T;
    if (!keep(item)) continue;
    const text = JSON.stringify(format(item));
    if (items.length > 0 && bytes + text.length > pageLimits.maxBytes) {
      capped = true;
      break;
    }
    items.push(text);
    values.push(item);
    bytes += text.length + 1;
  }
  // `seq` is the newest item not in the page; skipping filtered-out items until there is one keeps `next` honest.
  while (seq >= ring.start && !keep(ring.at(seq) as T)) seq--;
  items.reverse();
  values.reverse();
  return { items, values, next: seq >= ring.start ? String(seq + 1) : null, capped };
}
