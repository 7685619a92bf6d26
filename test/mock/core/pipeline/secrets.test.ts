import { describe, expect, it, vi } from 'vitest';
import { demo } from '../../../support/demo.ts';
import { demoKey, json, makeMock, post, tampere } from '../../helpers.ts';

const calls = vi.hoisted(() => ({ sameSecret: 0 }));
vi.mock('../../../../mock/core/pipeline/secrets.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../mock/core/pipeline/secrets.ts')>();
  return {
    ...real,
    sameSecret: (presented: string, known: string) => {
      calls.sameSecret++;
      return real.sameSecret(presented, known);
    },
  };
});

const problem = { ...json, accept: 'application/problem+json' };

describe('API keys', () => {
  const mock = makeMock({ apiKeys: ['k-0123456789abcdef'] });
  const keys = mock.state.store.customers().flatMap((customer) => [...customer.apiKeys]);

  it('compares a presented key with every known key in constant time, whatever matches', async () => {
    expect(keys.length).toBeGreaterThan(1);
    for (const key of [keys[0] as string, 'wrong', `${keys[0]}x`]) {
      calls.sameSecret = 0;
      await post(mock, tampere, {}, { ...json, 'x-api-key': key });
      expect(calls.sameSecret, key).toBe(keys.length);
    }
  });

  it.each([
    ['a prefix', 'k-0123456789abcde'],
    ['a longer key', 'k-0123456789abcdef0'],
    ['another case', 'K-0123456789ABCDEF'],
    ['the last character changed', 'k-0123456789abcdee'],
    ['an empty key', ''],
  ])('answers 401 for %s of a known key', async (_, key) => {
    const response = await post(mock, tampere, {}, { ...json, 'x-api-key': key });
    expect(response.status).toBe(401);
  });

  it('accepts every known key', async () => {
    for (const key of keys) {
      const customer = mock.state.store.byApiKey(key);
      const integration = [...(customer?.integrations ?? [])][0] ?? 'none';
      const response = await post(
        mock,
        `/integrations/${integration}/locations`,
        {},
        { ...json, 'x-api-key': key },
      );
      expect(response.status, key).toBe(200);
    }
  });

  it('never echoes a key in an answer', async () => {
    const sent = [`${demo.apiKey}-but-wrong`, 'k-0123456789abcdef'];
    for (const key of sent) {
      for (const path of [tampere, '/integrations/int-unknown/locations']) {
        const response = await post(mock, `${path}?excludeChargers=maybe`, '{"name":1}', {
          ...problem,
          'x-api-key': key,
        });
        const text = await response.text();
        expect(text, `${key} ${path}`).not.toContain(key);
      }
    }
    const v1 = await post(mock, `${tampere}?code=secret-code-xyz&clientId=nobody`, {}, problem);
    expect(await v1.text()).not.toContain('secret-code-xyz');
  });
});

describe('the journal', () => {
  it('masks known keys and codes wherever a client put them', async () => {
    const mock = makeMock({ apiKeys: ['k-0123456789abcdef'] });
    const key = 'k-0123456789abcdef';
    const code = [...(mock.state.store.customers().find((c) => c.codes.size > 0)?.codes ?? [])][0] as string;
    expect(code).toBeTruthy();
    await post(mock, `${tampere}?excludeChargers=${key}`, {}, { ...json, 'x-api-key': key });
    await post(mock, `/integrations/${key}/locations`, {}, { ...json, 'x-api-key': key });
    await post(
      mock,
      `/integrations/${encodeURIComponent(`${key}/`)}/locations`,
      {},
      { ...json, 'x-api-key': key },
    );
    await post(mock, `${tampere}?x-api-key=${key}&code=${code}&clientId=x`, {}, json);
    await post(mock, tampere, JSON.stringify({ name: 1, [key]: key }), { ...json, 'x-api-key': key });
    await mock.app.request(`/${key}`);
    const journal = await (await mock.app.request('/__mock/requests')).text();
    expect(JSON.parse(journal).entries.length).toBeGreaterThanOrEqual(6);
    expect(journal).toContain('***');
    expect(journal).not.toContain(key);
    expect(journal).not.toContain(code);
    expect(journal).not.toContain(demoKey['x-api-key']);
  });
});

describe('sameSecret', () => {
  it.each([
    ['the same key', 'k-0123456789abcdef', 'k-0123456789abcdef', true],
    ['a prefix', 'k-0123456789abcde', 'k-0123456789abcdef', false],
    ['a longer key', 'k-0123456789abcdef0', 'k-0123456789abcdef', false],
    ['the last character changed', 'k-0123456789abcdee', 'k-0123456789abcdef', false],
    ['an empty key', '', 'k-0123456789abcdef', false],
    ['a key with NUL characters where the known one ends', 'ab\u0000\u0000', 'ab', false],
    ['a non-ASCII key', 'kéy-ü', 'kéy-ü', true],
  ])('tells %s', async (_, presented, known, same) => {
    const { sameSecret } = await vi.importActual<typeof import('../../../../mock/core/pipeline/secrets.ts')>(
      '../../../../mock/core/pipeline/secrets.ts',
    );
    expect(sameSecret(presented, known)).toBe(same);
  });
});
