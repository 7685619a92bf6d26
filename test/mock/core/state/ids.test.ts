import { describe, expect, it } from 'vitest';
import { createIdSource } from '../../../../mock/core/state/ids.ts';
import { spec } from '../../helpers.ts';

describe('location ids', () => {
  it('match the pattern of the spec and stay within 36 characters', () => {
    const ids = createIdSource(spec, 9);
    for (let i = 0; i < 100; i++) {
      const id = ids.next();
      expect(id).toMatch(/^Loc-[A-Za-z0-9-]+$/);
      expect(id.length).toBeLessThanOrEqual(36);
    }
  });

  it('never repeat in 100,000 ids', () => {
    const ids = createIdSource(spec);
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(ids.next());
    expect(seen.size).toBe(100_000);
  });

  it('repeat the same sequence under a seed and after a reset', () => {
    const a = createIdSource(spec, 42);
    const b = createIdSource(spec, 42);
    const first = [a.next(), a.next()];
    expect([b.next(), b.next()]).toEqual(first);
    a.reset();
    expect(a.next()).toBe(first[0]);
  });
});
