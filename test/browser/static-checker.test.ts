import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildChecker } from '../../scripts/build-checker.ts';
import { type RunningChecker, serveChecker } from '../../src/cli/checker-server.ts';
import { fixturesDir } from '../core/validation/spec-facts.ts';
import { paste, readIssues, waitForVerdict } from './checker-page.ts';
import { mistakes, samples } from './checker-session.ts';
import { launchChromium } from './chromium.ts';
import { validateFilesWithCli } from './cli.ts';

// The static checker as a partner gets it: its three files on a static host that sends `script-src 'self'`
// (no unsafe-eval, no inline script), or opened as a file; no mock anywhere.
const folder = mkdtempSync(join(tmpdir(), 'ocpi-checker-'));
let server: RunningChecker;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let requested: string[] = [];
let problems: string[] = [];

beforeAll(async () => {
  await buildChecker(folder);
  server = await serveChecker(folder, 0);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  page = await context.newPage();
  requested = [];
  problems = [];
  page.on('request', (request) => requested.push(request.url()));
  // A CSP violation is logged as a console error (and raised as securitypolicyviolation): either fails the test.
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    ),
  );
});
afterEach(async () => {
  await context?.close();
  expect(problems).toEqual([]);
});

const open = async () => {
  await page.goto(server.url);
  await page.locator('#payload').waitFor();
};
const corpus = readdirSync(fixturesDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ name, text: readFileSync(join(fixturesDir, name), 'utf8') }));

describe('the static payload checker', () => {
  it('lists issues at /parkingType and /facilities/1, and none for a correct payload', async () => {
    await open();
    await paste(
      page,
      JSON.stringify({ name: 'Kauppatori', parkingType: 'CAR_PARK', facilities: ['WIFI', 'JACUZZI'] }),
    );
    await waitForVerdict(page, 'invalid');
    const paths = (await readIssues(page)).map((issue) => issue.instancePath);
    expect(paths).toContain('/parkingType');
    expect(paths).toContain('/facilities/1');
    await paste(page, samples.find((sample) => sample.id === 'completeSite')?.text ?? '');
    await waitForVerdict(page, 'valid');
    expect(await readIssues(page)).toEqual([]);
  });

  it('makes no request beyond its own files and has no mock to send to', async () => {
    await open();
    await paste(page, mistakes);
    await waitForVerdict(page, 'invalid');
    await page.locator('#strict').check();
    await waitForVerdict(page, 'invalid', true);
    expect(new Set(requested)).toEqual(
      new Set([
        server.url,
        `${server.url}checker.css`,
        `${server.url}checker.js`,
        `${server.url}favicon.svg`,
      ]),
    );
    expect(await page.locator('#send').count()).toBe(0);
  });

  it('lists exactly what validate --format json reports, for every payload of the corpus', async () => {
    await open();
    for (const strict of [false, true]) {
      if (strict) await page.locator('#strict').check();
      const cli = await validateFilesWithCli(
        corpus.map(({ name }) => join(fixturesDir, name)),
        strict,
      );
      for (const [i, { name, text }] of corpus.entries()) {
        await paste(page, text);
        // Validate checks now (typing waits 300 ms); the page checks by itself, so the verdict is this text's.
        await page.locator('#validate').click();
        await page.locator(`#verdict[data-strict="${strict}"]:not([data-state="empty"])`).waitFor();
        const expected = (cli.results[i]?.issues ?? []).map(({ severity, instancePath, message, line }) => ({
          severity,
          instancePath,
          message,
          line,
        }));
        expect(await readIssues(page), `${name}, strict ${strict}`).toEqual(expected);
      }
    }
  });

  it('works opened from a file', async () => {
    await page.goto(pathToFileURL(join(folder, 'index.html')).href);
    await paste(page, mistakes);
    await waitForVerdict(page, 'invalid');
    expect((await readIssues(page)).map((issue) => issue.instancePath)).toContain('/parkingType');
  });
});
