import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, serveMock } from '../../../mock/server/node-server.ts';
import { type MockProcess, startMockCli } from '../../cli/mock-process.ts';
import { demo } from '../../support/demo.ts';

const health = (url: string, token?: string) =>
  fetch(`${url}/__mock/health`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });

describe('the admin token', () => {
  let open: RunningMock;
  let given: RunningMock;
  let local: RunningMock;
  beforeAll(async () => {
    [open, given, local] = await Promise.all([
      serveMock({ port: 0, host: '0.0.0.0' }),
      serveMock({ port: 0, host: '0.0.0.0', adminToken: 'chosen-admin-token' }),
      serveMock({ port: 0 }),
    ]);
  });
  afterAll(() => Promise.all([open?.close(), given?.close(), local?.close()]));

  it('is generated when the mock listens beyond loopback', async () => {
    expect(open.adminToken).toMatch(/^[\w-]{24}$/);
    const refused = await health(open.url);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
    expect((await health(open.url, 'guess')).status).toBe(401);
    expect((await health(open.url, open.adminToken)).status).toBe(200);
  });

  it('guards every /__mock route, not the API', async () => {
    expect((await fetch(`${open.url}/__mock/reset`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${open.url}/__mock/requests`)).status).toBe(401);
    const api = await fetch(`${open.url}/integrations/int-tampere-roaming/locations`, {
      method: 'POST',
      headers: { 'x-api-key': demo.apiKey, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(200);
  });

  it('is the one given, when one is given', async () => {
    expect(given.adminToken).toBe('chosen-admin-token');
    expect((await health(given.url, 'chosen-admin-token')).status).toBe(200);
  });

  it('is not needed on loopback', async () => {
    expect(local.adminToken).toBeUndefined();
    expect((await health(local.url)).status).toBe(200);
  });
});

describe('ocpi-location-kit mock --host 0.0.0.0', () => {
  let generated: MockProcess;
  let chosen: MockProcess;
  beforeAll(async () => {
    [generated, chosen] = await Promise.all([
      startMockCli(['--host', '0.0.0.0', '--log-format', 'json']),
      startMockCli(['--host', '0.0.0.0', '--admin-token', 'cli-admin-token']),
    ]);
  });
  afterAll(() => Promise.all([generated?.stop(), chosen?.stop()]));

  it('prints the generated token at start and needs it', async () => {
    const token = JSON.parse(generated.stdout().split('\n')[0] ?? '{}').adminToken as string;
    expect(token).toMatch(/^[\w-]{24}$/);
    expect((await health(generated.url)).status).toBe(401);
    expect((await health(generated.url, token)).status).toBe(200);
  });

  it('never prints a token given with --admin-token', async () => {
    expect(chosen.stdout()).not.toContain('cli-admin-token');
    expect((await health(chosen.url, 'cli-admin-token')).status).toBe(200);
  });
});
