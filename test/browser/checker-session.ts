import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { deriveSamples } from '../../mock/routes/home-samples.ts';
import { type RunningMock, type ServeOptions, serveMock } from '../../mock/server/node-server.ts';
import { loadSpec } from '../../src/node/load-spec.ts';
import { launchChromium } from './chromium.ts';

/** The page's samples, as the mock derives them from the project's spec. */
export const samples = deriveSamples(loadSpec());

/** The "With mistakes" sample: CAR_PARK, JACUZZI and coordinates as numbers. */
export const mistakes = samples.find((sample) => sample.id === 'mistakes')?.text ?? '';

/** What each test gets: the real mock, a fresh page on `/` at 1366x768, and every URL the page requested. */
export interface CheckerSession {
  readonly mock: RunningMock;
  readonly page: Page;
  readonly requested: readonly string[];
  /** Lets console errors matching `pattern` pass (Chromium logs every 4xx a script fetched). */
  expectConsoleErrors(pattern: RegExp): void;
}

/**
 * Registers the hooks of a browser test file: one mock (on `options`) and one Chromium for the file, a new browser context and
 * page per test, and a check after each test that the page logged no error (a CSP violation would be one).
 */
export function useCheckerPage(options: ServeOptions = {}): CheckerSession {
  let mock: RunningMock;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let requested: string[] = [];
  let pageErrors: string[] = [];
  let expected: RegExp | undefined;

  beforeAll(async () => {
    mock = await serveMock({ port: 0, ...options });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    requested = [];
    pageErrors = [];
    expected = undefined;
    page.on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(`${mock.url}/`);
  });
  afterEach(async () => {
    await context.close();
    expect(pageErrors.filter((message) => !expected?.test(message))).toEqual([]);
  });

  return {
    get mock() {
      return mock;
    },
    get page() {
      return page;
    },
    get requested() {
      return requested;
    },
    expectConsoleErrors(pattern) {
      expected = pattern;
    },
  };
}
