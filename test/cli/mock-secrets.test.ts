import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange, request } from '../mock/server/wire.ts';
import { type MockProcess, startMockCli } from './mock-process.ts';

const secret = 'sk-live-7f3a9c1e2b';
const integration = 'int-secret-test';

describe.each(['pretty', 'json'])('the %s log', (format) => {
  let mock: MockProcess;
  let journal = '';
  beforeAll(async () => {
    mock = await startMockCli(['--api-key', secret, '--integration', integration, '--log-format', format]);
    const port = Number(new URL(mock.url).port);
    const json = { 'content-type': 'application/json' };
    const withKey = { ...json, 'x-api-key': secret };
    const sends = [
      request('POST', `/integrations/${integration}/locations`, withKey, '{}'),
      request(
        'POST',
        `/integrations/${integration}/locations?x-api-key=${secret}&code=${secret}`,
        json,
        '{}',
      ),
      request('POST', `/integrations/${secret}/locations`, withKey, '{}'),
      request('POST', `/integrations/${encodeURIComponent(`${secret}/`)}/locations`, withKey, '{}'),
      request(
        'POST',
        `/integrations/${integration}/locations`,
        withKey,
        `{"name":"${secret}","${secret}":1}`,
      ),
      request('POST', `/integrations/${integration}/locations`, withKey, `{"name":"${secret}`),
      request('GET', `/${secret}`, withKey),
      request(
        'POST',
        `/integrations/${integration}/locations?pad=${'p'.repeat(9000)}${secret}`,
        withKey,
        '{}',
      ),
      request('BREW', `/${secret}`, withKey),
    ];
    for (const bytes of sends) await exchange(port, bytes);
    journal = await (await fetch(`${mock.url}/__mock/requests`)).text();
    expect(await mock.stop()).toBe(0);
  });
  afterAll(() => mock?.stop());

  it('logs the requests', () => {
    expect(mock.stdout().split('\n').length).toBeGreaterThan(8);
  });

  it('never shows the API key in use on stdout, stderr or in the journal', () => {
    expect(mock.stdout()).not.toContain(secret);
    expect(mock.stderr()).not.toContain(secret);
    expect(journal).not.toContain(secret);
    expect(JSON.parse(journal).entries.length).toBeGreaterThanOrEqual(6);
  });
});
