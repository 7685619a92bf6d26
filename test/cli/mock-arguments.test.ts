import { describe, expect, it } from 'vitest';
import { runCli, startCommand } from './mock-process.ts';

// Prism users type `prism mock openapi.yaml -p 4010`; the mock takes the same.
describe('mock arguments, as Prism takes them', () => {
  it('serves the spec named as the first argument on the port given with -p', async () => {
    const mock = await startCommand(['mock', 'openapi.yaml', '-p', '0'], {}, /listening on http/);
    try {
      const url = /listening on (http:\/\/\S+)/.exec(mock.output())?.[1];
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${url}/integrations/int-tampere-roaming/locations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': 'demo-api-key' },
        body: '{"name":"Ratina","timezone":"Europe/Helsinki"}',
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ id: expect.stringMatching(/^Loc-/) });
    } finally {
      await mock.stop();
    }
  });

  it('refuses a spec named both as the argument and with --spec, in one line', async () => {
    const run = await runCli(['mock', 'openapi.yaml', '--spec', 'openapi.yaml', '-p', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'ocpi-location-kit: mock: name the spec once: as the argument or with --spec (see ocpi-location-kit mock --help)\n',
    );
  });

  it('names the missing spec file given as the argument', async () => {
    const run = await runCli(['mock', 'no-such-spec.yaml', '-p', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('no-such-spec.yaml');
  });
});
