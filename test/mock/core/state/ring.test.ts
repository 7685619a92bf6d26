import { describe, expect, it } from 'vitest';
import { Ring } from '../../../../mock/core/state/ring.ts';

describe('the ring buffer', () => {
  it('keeps the newest items and counts the dropped ones', () => {
    const ring = new Ring<number>(3);
    for (let i = 1; i <= 5; i++) ring.push(i);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect(ring.toArray(2)).toEqual([4, 5]);
    expect(ring.dropped).toBe(2);
    ring.clear();
    expect(ring.toArray()).toEqual([]);
  });
});
