import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../support/demo.ts';
import { type RunningCommand, runCli, startCommand } from './mock-process.ts';

// NO_COLOR (no-color.org) wins over a piped stream in every command; FORCE_COLOR is removed so that the
// environment the tests run in cannot turn colour on.
const noColour = { NO_COLOR: '1', FORCE_COLOR: undefined };
const payload = 'test/fixtures/payloads/invalid-helsinki-parking-type-misspelt.json';
// biome-ignore lint/suspicious/noControlCharactersInRegex: an SGR escape is what the test looks for.
const sgr = /\x1b\[/;

/** Sends one valid and one refused request, so the log has a 200 and a 401 line. */
async function sendTwo(url: string): Promise<void> {
  const path = `${url}/integrations/${demo.integration}/locations`;
  const headers = { 'content-type': 'application/json', 'x-api-key': demo.apiKey };
  await (await fetch(path, { method: 'POST', headers, body: '{"name":"Ratina"}' })).arrayBuffer();
  await (await fetch(path, { method: 'POST', body: '{}' })).arrayBuffer();
}

const urlOf = (output: string) => /listening on (http:\/\/\S+)/.exec(output)?.[1] ?? '';

describe('colour with NO_COLOR, on pipes', () => {
  let mock: RunningCommand;
  beforeAll(async () => {
    mock = await startCommand(['mock', '-p', '0'], noColour, /listening on http/);
  });
  afterAll(async () => {
    await mock.stop();
  });

  it.each([
    [['validate', payload]],
    [['validate', '--format', 'junit', payload]],
    [['from-ocpi', 'test/fixtures/ocpi/location-koln-home-charger.json']],
    [['compare']],
    [['--help']],
    [['validate', '--formt', 'json', payload]],
  ])('prints no colour code from %j', async (args) => {
    const run = await runCli(args, '', undefined, undefined, noColour);
    expect(`${run.stdout}${run.stderr}`.length).toBeGreaterThan(0);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(sgr);
  });

  it('prints no colour code from verify, against the mock', async () => {
    const run = await runCli(
      ['verify', '--provider-base-url', urlOf(mock.output())],
      '',
      undefined,
      undefined,
      noColour,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('interactions');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(sgr);
  });

  it('prints no colour code from probe, against the mock', async () => {
    const args = ['probe', '--provider-base-url', urlOf(mock.output()), '--api-key', demo.apiKey];
    const run = await runCli(
      [...args, '--integration', demo.integration, '--only', 'example:*'],
      '',
      undefined,
      undefined,
      noColour,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('PASS');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(sgr);
  });

  it('prints no colour code from the proxy and its exchange log', async () => {
    const proxy = await startCommand(
      ['proxy', '--upstream', urlOf(mock.output()), '--port', '0'],
      noColour,
      /http:\/\/127\.0\.0\.1:\d+/,
    );
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(proxy.output())?.[1] ?? '';
    await sendTwo(url);
    await proxy.stop();
    expect(proxy.output()).toMatch(/401/);
    expect(proxy.output()).not.toMatch(sgr);
  });

  it('prints no colour code from the checker', async () => {
    const checker = await startCommand(['checker', '--port', '0'], noColour, /payload checker on http/);
    await checker.stop();
    expect(checker.output()).not.toMatch(sgr);
  });

  it("keeps the mock's request log free of colour codes", async () => {
    await sendTwo(urlOf(mock.output()));
    await expect.poll(() => mock.output()).toMatch(/ 401 /);
    expect(mock.output()).toContain(`POST /integrations/${demo.integration}/locations 200 `);
    expect(mock.output()).not.toMatch(sgr);
  });
});

describe('colour with FORCE_COLOR, on pipes', () => {
  it("colours the statuses of the mock's request log", async () => {
    const mock = await startCommand(
      ['mock', '-p', '0'],
      { NO_COLOR: undefined, FORCE_COLOR: '1' },
      /listening on http/,
    );
    try {
      await sendTwo(urlOf(mock.output()));
      await expect.poll(() => mock.output()).toContain('\x1b[33m401\x1b[0m');
      expect(mock.output()).toContain('\x1b[32m200\x1b[0m');
    } finally {
      await mock.stop();
    }
  });
});
