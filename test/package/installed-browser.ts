// The installed package in headless Chromium: its static checker served under `script-src 'self'`, and an app
// bundled from its entries running on MSW's worker. No mock process, no file from the checkout.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serveChecker } from '../../src/cli/checker-server.ts';
import { paste, readIssues, waitForVerdict } from '../browser/checker-page.ts';
import { launchChromium } from '../browser/chromium.ts';

/** What the installed checker lists for a payload with mistakes and for a correct one, and what went wrong. */
export async function checkInstalledChecker(projectDir: string) {
  const checker = await serveChecker(join(projectDir, 'node_modules/ocpi-location-kit/dist/checker'), 0);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    const requested: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(checker.url);
    await paste(page, JSON.stringify({ parkingType: 'CAR_PARK', facilities: ['WIFI', 'JACUZZI'] }));
    await waitForVerdict(page, 'invalid');
    const mistakes = (await readIssues(page)).map((issue) => issue.instancePath);
    await paste(page, JSON.stringify({ name: 'Kauppatori', timezone: 'Europe/Helsinki' }));
    await waitForVerdict(page, 'valid');
    const correct = await readIssues(page);
    const foreign = requested.filter((url) => new URL(url).origin !== new URL(checker.url).origin);
    return { mistakes, correct, problems, foreign };
  } finally {
    await browser.close();
    await checker.close();
  }
}

const app = `import { setupWorker } from 'msw/browser';
import { createLocationsClient } from 'ocpi-location-kit';
import { createMswHandlers } from 'ocpi-location-kit/msw';
const handlers = createMswHandlers();
const ready = setupWorker(...handlers).start({ quiet: true, onUnhandledRequest: 'bypass' });
const client = (apiKey) => createLocationsClient({ baseUrl: handlers.baseUrl, apiKey, problemDetails: true });
window.run = async () => {
  await ready;
  return {
    created: await client('demo-api-key').addLocation('int-tampere-roaming', { name: 'Hatanpää' }),
    unauthorised: await client('nobody').addLocation('int-tampere-roaming', {}),
    notFound: await client('demo-api-key').addLocation('int-nobody', {}),
    invalid: await client('demo-api-key').addLocation('int-tampere-roaming', { parkingType: 'CAR_PARK' }),
  };
};
`;

/** The answers an app bundled from the installed package gets through MSW's worker and the typed client. */
export async function runInstalledMswApp(
  projectDir: string,
): Promise<Record<string, Record<string, unknown>>> {
  const { build } = await import('esbuild');
  writeFileSync(join(projectDir, 'worker-app.mjs'), app);
  const bundled = await build({
    entryPoints: ['worker-app.mjs'],
    absWorkingDir: projectDir,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    logLevel: 'error',
  });
  const files: Record<string, string> = {
    '/': '<!doctype html><meta charset="utf-8"><title>app</title><script type="module" src="/app.js"></script>',
    '/app.js': bundled.outputFiles[0]?.text ?? '',
    '/mockServiceWorker.js': readFileSync(
      join(projectDir, 'node_modules/msw/lib/mockServiceWorker.js'),
      'utf8',
    ),
  };
  const server = createServer((req, res) => {
    const text = files[req.url ?? ''];
    if (text === undefined) return res.writeHead(404).end();
    const type = req.url === '/' ? 'text/html; charset=UTF-8' : 'text/javascript; charset=UTF-8';
    res.writeHead(200, { 'content-type': type }).end(text);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return (await page.evaluate(() =>
      (window as unknown as { run: () => Promise<unknown> }).run(),
    )) as Record<string, Record<string, unknown>>;
  } finally {
    await browser.close();
    await new Promise((done) => server.close(done));
  }
}
