import { describe, expect, it } from 'vitest';
import type { MockApp } from '../../../mock/app.ts';
import { pageLimits } from '../../../mock/routes/admin-listing.ts';
import { makeMock, post, tampere } from '../helpers.ts';

const getJson = async (mock: MockApp, path: string) => {
  const response = await mock.app.request(path);
  return { status: response.status, body: await response.json() };
};

/** Every page of a listing, following `next` from the newest page. */
async function walk(mock: MockApp, path: string): Promise<{ pages: number; ids: string[] }> {
  const ids: string[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const { body } = await getJson(mock, cursor === null ? path : `${path}${sep}cursor=${cursor}`);
    const page = Object.values(body.integrations ?? {}).flat() as { id: string }[];
    ids.unshift(
      ...(body.entries ?? page).map((item: { id?: string; createdId?: string }) => item.id ?? item.createdId),
    );
    cursor = body.next;
    pages++;
  } while (cursor !== null);
  return { pages, ids };
}

describe('paged admin listings', () => {
  it('walks every location exactly once with limit and cursor, oldest first', async () => {
    const mock = makeMock({ seed: 1 });
    const created: string[] = [];
    for (let i = 0; i < 25; i++)
      created.push((await (await post(mock, tampere, { name: `n${i}` })).json()).id);
    const { pages, ids } = await walk(mock, '/__mock/locations?limit=10');
    expect(pages).toBe(3);
    expect(ids).toEqual(created);
  });

  it('walks every request of the journal with limit and cursor', async () => {
    const mock = makeMock({ seed: 2 });
    const created: string[] = [];
    for (let i = 0; i < 12; i++) created.push((await (await post(mock, tampere, {})).json()).id);
    const { pages, ids } = await walk(mock, '/__mock/requests?limit=5');
    expect(pages).toBe(3);
    expect(ids).toEqual(created);
  });

  it('pages a filtered listing and counts only what matches', async () => {
    const mock = makeMock();
    for (let i = 0; i < 6; i++) {
      await post(mock, i % 3 === 0 ? '/integrations/int-helsinki-hub/locations' : tampere, {});
    }
    const first = await getJson(mock, '/__mock/locations?integrationId=int-helsinki-hub&limit=1');
    expect(first.body).toMatchObject({ total: 2, count: 1 });
    expect(Object.keys(first.body.integrations)).toEqual(['int-helsinki-hub']);
    const second = await getJson(
      mock,
      `/__mock/locations?integrationId=int-helsinki-hub&limit=1&cursor=${first.body.next}`,
    );
    expect(second.body).toMatchObject({ count: 1, next: null });
  });

  it('answers 400, not 500, for a limit or a cursor that is not one', async () => {
    const mock = makeMock();
    for (const query of [
      'limit=-1',
      'limit=abc',
      `limit=${pageLimits.maxItems + 1}`,
      'cursor=x',
      'cursor=1e9',
    ]) {
      for (const listing of ['requests', 'locations']) {
        const response = await mock.app.request(`/__mock/${listing}?${query}`);
        expect([listing, query, response.status]).toEqual([listing, query, 400]);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
    }
  });

  it('caps a page by bytes and says so', async () => {
    const mock = makeMock();
    // 200 locations cut to about 1,800 characters each are more than the 256 KiB a page may hold.
    for (let i = 0; i < 200; i++) await post(mock, tampere, { name: `${i}${'x'.repeat(15_000)}` });
    const response = await mock.app.request('/__mock/locations?limit=1000');
    const text = await response.text();
    const body = JSON.parse(text);
    expect(text.length).toBeLessThanOrEqual(pageLimits.maxBytes + 1024);
    expect(body).toMatchObject({ total: 200, capped: true });
    expect(body.count).toBeLessThan(200);
    expect(body.next).not.toBeNull();
  });

  it('lists a full store of 10,000 locations quickly', async () => {
    const mock = makeMock();
    for (let i = 0; i < 10_000; i++) {
      mock.state.store.addLocation({
        id: `Loc-${i}`,
        integrationId: 'int-tampere-roaming',
        customer: 'Tampereen Lataus Oy',
        name: `site ${i}`,
        excludeChargers: false,
        createdAt: new Date().toISOString(),
      });
    }
    const started = performance.now();
    const { status, body } = await getJson(mock, `/__mock/locations?limit=${pageLimits.maxItems}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 10_000, count: pageLimits.maxItems });
    expect(performance.now() - started).toBeLessThan(300);
  });
});
