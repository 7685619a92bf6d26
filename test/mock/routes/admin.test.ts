import { beforeEach, describe, expect, it } from 'vitest';
import { demo } from '../../support/demo.ts';
import { demoKey, json, makeMock, post, tampere } from '../helpers.ts';

const mock = makeMock({ seed: 5, journalSize: 3 });
beforeEach(() => mock.state.reset());
const admin = (path: string, init?: RequestInit) => mock.app.request(`/__mock/${path}`, init);
const postJson = (path: string, body: unknown) =>
  admin(path, {
    method: 'POST',
    headers: json,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('/__mock', () => {
  it('reports health', async () => {
    const body = await (await admin('health')).json();
    expect(body).toMatchObject({
      status: 'ok',
      operation: 'POST /integrations/{integrationId}/locations',
      customers: 2,
    });
  });

  it('lists requests with status, issues and the created id', async () => {
    const created = await (await post(mock, tampere, { name: 'Hatanpää' })).json();
    await post(mock, `${tampere}?excludeChargers=maybe`);
    const { entries } = await (await admin('requests')).json();
    expect(entries).toMatchObject([
      { method: 'POST', path: tampere, status: 200, createdId: created.id },
      { status: 400, query: 'excludeChargers=maybe', issues: [{ location: 'query' }] },
    ]);
  });

  it('keeps the journal bounded and says how many were dropped', async () => {
    for (let i = 0; i < 5; i++) await post(mock, tampere);
    const body = await (await admin('requests')).json();
    expect(body).toMatchObject({ capacity: 3, dropped: 2 });
    expect(body.entries).toHaveLength(3);
    expect((await (await admin('requests?limit=1')).json()).entries).toHaveLength(1);
  });

  it('never keeps credentials in the journal', async () => {
    await post(mock, `${tampere}?code=demo-function-code&clientId=tampereen-lataus`, {}, json);
    await post(mock, tampere, {}, { 'x-api-key': demo.apiKey });
    const text = await (await admin('requests')).text();
    expect(text).not.toContain('demo-function-code');
    expect(text).not.toContain(demo.apiKey);
    expect(text).toContain('code=***');
  });

  it('lists created locations per integration', async () => {
    await post(mock, tampere, { name: 'Hatanpää' });
    await post(mock, '/integrations/int-helsinki-hub/locations?excludeChargers=true', { name: 'Kalasatama' });
    const body = await (await admin('locations')).json();
    expect(body.total).toBe(2);
    expect(body.integrations['int-tampere-roaming']).toMatchObject([
      { name: 'Hatanpää', excludeChargers: false },
    ]);
    expect(body.integrations['int-helsinki-hub']).toMatchObject([
      { name: 'Kalasatama', excludeChargers: true },
    ]);
    const only = await (await admin('locations?integrationId=int-helsinki-hub')).json();
    expect(Object.keys(only.integrations)).toEqual(['int-helsinki-hub']);
  });

  it('resets locations, requests and ids', async () => {
    const first = await (await post(mock, tampere)).text();
    expect((await postJson('reset', {})).status).toBe(200);
    expect((await (await admin('locations')).json()).total).toBe(0);
    expect(await (await post(mock, tampere)).text()).toBe(first);
  });

  it('adds a customer at run time through POST /__mock/fixtures', async () => {
    const fixture = { customers: [{ apiKey: 'pact-key', integrations: ['int-pact'] }] };
    expect(await (await postJson('fixtures', fixture)).json()).toMatchObject({ added: 1, customers: 3 });
    expect(
      (await post(mock, '/integrations/int-pact/locations', {}, { ...json, 'x-api-key': 'pact-key' })).status,
    ).toBe(200);
  });

  it('adds a v1 customer at run time', async () => {
    await postJson('fixtures', {
      customers: [{ code: 'c1', clientId: 'pact-v1', integrations: ['int-v1'] }],
    });
    expect(
      (await post(mock, '/integrations/int-v1/locations?code=c1&clientId=pact-v1', {}, json)).status,
    ).toBe(200);
  });

  it('extends a known customer instead of adding one', async () => {
    const fixture = { customers: [{ apiKey: demo.apiKey, integrations: ['int-new'] }] };
    expect(await (await postJson('fixtures', fixture)).json()).toMatchObject({ added: 0, extended: 1 });
    expect((await post(mock, '/integrations/int-new/locations')).status).toBe(200);
  });

  it('forgets run-time fixtures on reset', async () => {
    await postJson('fixtures', { customers: [{ apiKey: 'pact-key', integrations: ['int-pact'] }] });
    await postJson('reset', {});
    expect(
      (await post(mock, '/integrations/int-pact/locations', {}, { ...json, 'x-api-key': 'pact-key' })).status,
    ).toBe(401);
    expect((await post(mock, tampere, {}, { ...demoKey, ...json })).status).toBe(200);
  });

  it.each([
    ['malformed JSON', '{', 'not valid JSON'],
    ['no customers', {}, 'customers'],
    ['no credentials', { customers: [{ integrations: [] }] }, 'customers[0] needs an apiKey'],
    [
      'a bad integration list',
      { customers: [{ apiKey: 'k', integrations: 'int-a' }] },
      'integrations must be',
    ],
  ])('returns 400 for fixtures with %s', async (_, body, message) => {
    const response = await postJson('fixtures', body);
    expect(response.status).toBe(400);
    expect((await response.json()).detail).toContain(message);
  });

  it('returns the no-such-route 404 for an unknown admin route', async () => {
    expect(await (await admin('nope')).json()).toMatchObject({ status: 404, title: 'No such route' });
  });
});
