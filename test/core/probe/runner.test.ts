import { describe, expect, it } from 'vitest';
import { curlCommand } from '../../../src/core/probe/curl.ts';
import { type ProbeClock, probeProvider } from '../../../src/core/probe/probe.ts';
import { retryAfterMs } from '../../../src/core/probe/send.ts';

/** A clock that only moves when the probe sleeps or a fake answer takes time. */
function fakeClock(): ProbeClock & { sleeps: number[]; at: number } {
  const clock = {
    at: 0,
    sleeps: [] as number[],
    now: () => clock.at,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.at += ms;
    },
  };
  return clock;
}

const ok = () =>
  new Response('{"id":"Loc-1"}', { status: 200, headers: { 'content-type': 'application/json' } });
const base = { baseUrl: 'http://provider.test', credentials: { apiKey: 'secret-key' }, integrationId: 'int' };

describe('the probe runner', () => {
  it('waits as long as Retry-After says after a 429, then sends again', async () => {
    const clock = fakeClock();
    let calls = 0;
    const result = await probeProvider({
      ...base,
      clock,
      only: ['example:minimal'],
      fetch: async () =>
        ++calls === 1 ? new Response('', { status: 429, headers: { 'retry-after': '2' } }) : ok(),
    });
    expect(clock.sleeps).toEqual([2000]);
    expect(result.requests).toBe(2);
    expect(result.ok).toBe(true);
  });

  it('spaces requests to keep to the rate limit', async () => {
    const clock = fakeClock();
    const starts: number[] = [];
    await probeProvider({
      ...base,
      clock,
      ratePerSecond: 4,
      only: ['example:*'],
      fetch: async () => {
        starts.push(clock.now());
        return ok();
      },
    });
    expect(starts.length).toBeGreaterThan(2);
    for (let i = 1; i < starts.length; i++)
      expect((starts[i] as number) - (starts[i - 1] as number)).toBeGreaterThanOrEqual(250);
  });

  it('fails responds when no answer comes within the timeout', async () => {
    const result = await probeProvider({
      ...base,
      timeoutMs: 20,
      only: ['example:minimal', 'example:emptyLocation'],
      fetch: (_input, init) =>
        new Promise((_, fail) => init?.signal?.addEventListener('abort', () => fail(new Error('aborted')))),
    });
    expect(result.results.map((r) => r.checks)).toEqual([
      [{ id: 'responds', ok: false, message: 'no answer within 20 ms' }],
      [{ id: 'responds', ok: false, message: 'no answer within 20 ms' }],
    ]);
  });

  it('gives up as unreachable when the first three cases get no answer', async () => {
    let calls = 0;
    const result = await probeProvider({
      ...base,
      timeoutMs: 20,
      fetch: (_input, init) => {
        calls++;
        return new Promise((_, fail) =>
          init?.signal?.addEventListener('abort', () => fail(new Error('aborted'))),
        );
      },
    });
    expect(calls).toBe(3);
    expect(result.ok).toBe(false);
    expect(result.unreachable).toBe('cannot reach http://provider.test: no answer within 20 ms');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:10 GMT', Date.parse('2026-01-01T00:00:00Z'))).toBe(10000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

describe('curlCommand', () => {
  const request = {
    method: 'POST',
    url: 'http://p.test/integrations/i/locations?code=s%26cret&clientId=c',
    headers: [['x-api-key', 's&cret'] as const, ['content-type', 'application/json'] as const],
    body: new TextEncoder().encode(`{"name":"O'Hara"}`),
  };

  it('replaces every secret by $PROBE_SECRET, in the query as in a header', () => {
    const curl = curlCommand(request, ['s&cret'], false);
    expect(curl).toBe(
      `curl -sS -i -X POST "http://p.test/integrations/i/locations?code=$PROBE_SECRET&clientId=c" -H "x-api-key: $PROBE_SECRET" -H 'content-type: application/json' --data-binary '{"name":"O'\\''Hara"}'`,
    );
  });

  it('keeps the secret with showSecrets and writes bytes that are not UTF-8 as escapes', () => {
    const curl = curlCommand(
      { ...request, headers: [], body: new Uint8Array([0x7b, 0xff]) },
      ['s&cret'],
      true,
    );
    expect(curl).toContain('code=s%26cret');
    expect(curl).toContain(`-H 'Content-Type:' --data-binary $'\\x7b\\xff'`);
  });
});
