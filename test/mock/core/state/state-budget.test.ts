import { describe, expect, it } from 'vitest';
import { resolveStateLimits } from '../../../../mock/core/state/limits.ts';
import { Ring } from '../../../../mock/core/state/ring.ts';
import { demoKey, json, makeMock, post, tampere } from '../../helpers.ts';

describe('the ring buffer under a byte budget', () => {
  it('evicts the oldest items when the bytes pass the budget, and counts them', () => {
    const ring = new Ring<string>(100, 1000);
    for (let i = 0; i < 5; i++) ring.push(`item ${i}`, 300);
    expect(ring.toArray()).toEqual(['item 2', 'item 3', 'item 4']);
    expect(ring.bytes).toBe(900);
    expect([ring.dropped, ring.droppedBytes]).toEqual([2, 600]);
  });

  it('numbers items so that a cursor survives evictions and clears', () => {
    const ring = new Ring<number>(3);
    for (let i = 0; i < 5; i++) ring.push(i);
    expect([ring.start, ring.end, ring.at(2), ring.at(1)]).toEqual([2, 5, 2, undefined]);
    ring.clear();
    expect([ring.start, ring.end, ring.size]).toEqual([5, 5, 0]);
    expect(ring.push(9)).toBe(5);
  });
});

describe('the mock state under a byte budget', () => {
  it('cuts a long name to the per-item limit and says so in the listing', async () => {
    const mock = makeMock({ storeItemBytes: 2048 });
    const name = 'Hatanpää '.repeat(50_000);
    expect((await post(mock, tampere, { name })).status).toBe(200);
    const body = await (await mock.app.request('/__mock/locations')).json();
    const [stored] = body.integrations['int-tampere-roaming'];
    expect(stored.truncated).toEqual({ nameLength: name.length });
    expect(stored.name.length).toBeLessThan(1024);
    expect(name.startsWith(stored.name)).toBe(true);
  });

  it('keeps the store under its byte budget and shows the evictions in /__mock/health', async () => {
    const mock = makeMock({ storeBytes: 64 * 1024, storeItemBytes: 8 * 1024 });
    for (let i = 0; i < 40; i++) await post(mock, tampere, { name: `${i} ${'x'.repeat(20_000)}` });
    const health = await (await mock.app.request('/__mock/health')).json();
    expect(health.store.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(health.store.evicted).toBeGreaterThan(20);
    expect(health.store.evicted + health.store.items).toBe(40);
    expect(health.store.evictedBytes).toBeGreaterThan(20 * 4 * 1024);
  });

  it('cuts a journal entry with huge issues and keeps the journal under its budget', async () => {
    const mock = makeMock({ journalBytes: 256 * 1024, journalItemBytes: 16 * 1024 });
    // Unknown properties with 100 KB names: each is an issue that quotes the name.
    const body = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`${i}${'k'.repeat(100_000)}`, 1]));
    for (let i = 0; i < 30; i++) await post(mock, tampere, body, { ...demoKey, ...json });
    const { entries } = await (await mock.app.request('/__mock/requests')).json();
    const health = await (await mock.app.request('/__mock/health')).json();
    expect(health.journal.bytes).toBeLessThanOrEqual(256 * 1024);
    expect(health.journal.evicted).toBeGreaterThan(0);
    expect(JSON.stringify(entries.at(-1)).length).toBeLessThan(20 * 1024);
    expect(entries.at(-1).issues.length + (entries.at(-1).issuesDropped ?? 0)).toBeGreaterThanOrEqual(5);
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => resolveStateLimits({ storeBytes: 0 })).toThrow(/storeBytes/);
    expect(resolveStateLimits({ storeBytes: 100 }).storeItemBytes).toBe(100);
  });
});
