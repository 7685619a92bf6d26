import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.ts';

// MSW in a real browser: a small app served as static files (no mock process), its own fetch calls answered
// by the package's handlers inside MSW's service worker, state kept for the page's life.
const root = fileURLToPath(new URL('../../', import.meta.url));
const here = join(root, 'test/browser/msw-app');
let server: Server;
let url: string;
let browser: Browser;
const requested: string[] = [];

beforeAll(async () => {
  const bundled = await build({
    entryPoints: [join(here, 'app.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'error',
  });
  const files: Record<string, [string, string | Uint8Array]> = {
    '/': ['text/html; charset=UTF-8', readFileSync(join(here, 'index.html'), 'utf8')],
    '/app.js': ['text/javascript; charset=UTF-8', bundled.outputFiles[0]?.text ?? ''],
    '/mockServiceWorker.js': [
      'text/javascript; charset=UTF-8',
      readFileSync(join(root, 'node_modules/msw/lib/mockServiceWorker.js')),
    ],
  };
  server = createServer((req, res) => {
    requested.push(req.url ?? '');
    const file = files[req.url ?? ''];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

describe('createMswHandlers in a browser, with setupWorker', () => {
  it('answers the page through the typed client and plain fetch as the HTTP mock does', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    const result = await page.evaluate(() => (window as unknown as { run: () => Promise<unknown> }).run());
    const r = result as Record<string, Record<string, unknown>>;
    expect(r.baseUrl).toBe('https://api.emabler.net/api');
    expect(r.created).toMatchObject({ ok: true, id: expect.stringMatching(/^Loc-[A-Z0-9]{10}$/) });
    expect(r.again?.id).not.toBe(r.created?.id);
    expect(r.unauthorised).toMatchObject({ ok: false, status: 401, kind: 'unauthorised' });
    expect(r.notFound).toMatchObject({ ok: false, status: 404, kind: 'customer-not-found' });
    expect(r.invalid).toMatchObject({ ok: false, status: 400, kind: 'bad-request' });
    expect(
      ((r.invalid?.issues ?? []) as { instancePath: string }[]).map((issue) => issue.instancePath),
    ).toContain('/parkingType');
    expect(r.plain).toMatchObject({ status: 400, type: 'application/problem+json' });
    expect(r.plain?.body).toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ location: 'query' })],
    });
    // State lives for the page's life: both locations are stored, every request is in the journal.
    expect(result).toMatchObject({ stored: 2, journal: 6 });
    expect(errors).toEqual([]);
    // Nothing reached a server but the app's own files (and the browser's own favicon request): the API calls
    // never left the page.
    expect(new Set(requested.filter((path) => path !== '/favicon.ico'))).toEqual(
      new Set(['/', '/app.js', '/mockServiceWorker.js']),
    );
    await page.close();
  });
});
