import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, serveMock } from '../../mock/server/node-server.ts';
import { demo } from '../support/demo.ts';
import { launchChromium } from './chromium.ts';

/** What the partner's page reports back: the client's result, or the error it rejected with. */
type Outcome = { ok: boolean; id?: string; kind?: string } | { error: string };

/**
 * A partner's page on another origin: it imports the bundled client from `clientUrl` and adds a location on
 * the mock at `apiUrl` from the browser.
 */
const partnerPage = (clientUrl: string, apiUrl: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>partner</title></head><body>
<script type="module">
  try {
    const { createLocationsClient } = await import(${JSON.stringify(clientUrl)});
    const client = createLocationsClient({ baseUrl: ${JSON.stringify(apiUrl)}, apiKey: ${JSON.stringify(demo.apiKey)} });
    window.outcome = await client.addLocation('int-tampere-roaming', {
      name: 'Ratina', city: 'Tampere', country: 'FIN', timezone: 'Europe/Helsinki',
    });
  } catch (error) {
    window.outcome = { error: String(error) };
  }
</script>
</body></html>`;

let mock: RunningMock;
let closedMock: RunningMock;
let partner: Server;
let partnerUrl: string;
let browser: Browser;

/** The partner's server: its pages, and a copy of the client bundle fetched from the mock (no browser, no CORS). */
async function servePartner(): Promise<void> {
  const clientCode = await (await fetch(`${mock.url}/assets/client.js`)).text();
  partner = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://partner');
    if (url.pathname === '/client.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(clientCode);
      return;
    }
    const clientUrl = url.searchParams.get('client') ?? '';
    const apiUrl = url.searchParams.get('api') ?? '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(partnerPage(clientUrl, apiUrl));
  });
  await new Promise<void>((done) => partner.listen(0, '127.0.0.1', done));
  partnerUrl = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
}

/** Opens the partner's page; returns its outcome and the `Origin` of each POST the browser sent. */
async function visit(clientUrl: string, apiUrl: string): Promise<{ outcome: Outcome; origins: string[] }> {
  const page = await browser.newPage();
  const origins: Promise<string>[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') origins.push(request.allHeaders().then((h) => h.origin ?? '(none)'));
  });
  try {
    const query = new URLSearchParams({ client: clientUrl, api: apiUrl });
    await page.goto(`${partnerUrl}/?${query}`);
    await page.waitForFunction(() => 'outcome' in window);
    const outcome = await page.evaluate(() => (window as unknown as { outcome: Outcome }).outcome);
    return { outcome: outcome as Outcome, origins: await Promise.all(origins) };
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  mock = await serveMock({ port: 0 });
  // The same mock, but its CORS lets in one origin that is not the partner's.
  closedMock = await serveMock({ port: 0, corsOrigins: ['http://elsewhere.example'] });
  await servePartner();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => partner?.close(done));
  await mock?.close();
  await closedMock?.close();
});

describe('the bundled client on another origin', () => {
  it('imports the client from the mock and adds a location across origins', async () => {
    expect(new URL(partnerUrl).origin).not.toBe(new URL(mock.url).origin);
    const { outcome, origins } = await visit(`${mock.url}/assets/client.js`, mock.url);
    expect(origins).toEqual([partnerUrl]);
    expect(outcome).toMatchObject({ ok: true, id: expect.stringMatching(/^Loc-/) });
    const created = mock.mock.state.store.locations.toArray().map((location) => location.id);
    expect(created).toContain((outcome as { id: string }).id);
  });

  it('is stopped by the browser when the mock does not allow the origin', async () => {
    const { outcome } = await visit(`${partnerUrl}/client.js`, closedMock.url);
    expect(outcome).toMatchObject({ error: expect.stringContaining('Failed to fetch') });
    expect(closedMock.mock.state.store.locations.size).toBe(0);
  });
});
