/**
 * What the mock's state may hold. Counts alone do not bound memory (10,000 locations of 900 KB each are 9 GB), so
 * the store and the journal also have a byte budget, and each item a size past which it is cut down.
 */
export interface StateLimits {
  /** Locations kept by `/__mock/locations`; default 10,000. */
  readonly maxLocations: number;
  /** Bytes the stored locations may take together; default 64 MiB. The oldest go first. */
  readonly storeBytes: number;
  /** Bytes one stored location may take; a longer `name` is cut to fit and marked `truncated`; default 4 KiB. */
  readonly storeItemBytes: number;
  /** Bytes the request journal may take together; default 32 MiB. The oldest entries go first. */
  readonly journalBytes: number;
  /** Bytes one journal entry may take; long texts in its issues are cut, then issues dropped; default 64 KiB. */
  readonly journalItemBytes: number;
}

/** The defaults keep the state under about 100 MB whatever clients send. */
export const defaultStateLimits: StateLimits = {
  maxLocations: 10_000,
  storeBytes: 64 * 1024 * 1024,
  storeItemBytes: 4 * 1024,
  journalBytes: 32 * 1024 * 1024,
  journalItemBytes: 64 * 1024,
};

/** The limits with defaults filled in; a limit that is not a positive whole number is a configuration error. */
export function resolveStateLimits(given: Partial<StateLimits>): StateLimits {
  const out = { ...defaultStateLimits };
  for (const name of Object.keys(defaultStateLimits) as (keyof StateLimits)[]) {
    const value = given[name];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number above 0`);
    out[name] = value;
  }
  // An item larger than the whole budget would evict everything and still not fit.
  out.storeItemBytes = Math.min(out.storeItemBytes, out.storeBytes);
  out.journalItemBytes = Math.min(out.journalItemBytes, out.journalBytes);
  return out;
}
