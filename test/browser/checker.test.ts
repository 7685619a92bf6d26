import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deriveSamples } from '../../mock/home-samples.ts';
import { type RunningMock, serveMock } from '../../mock/node-server.ts';
import { loadSpec } from '../../src/spec/load-spec.ts';
import { paste, readCursor, readIssues, waitForVerdict } from './checker-page.ts';
import { launchChromium } from './chromium.ts';
import { validateWithCli } from './cli.ts';

const samples = deriveSamples(loadSpec());
const mistakes = samples.find((sample) => sample.id === 'mistakes')?.text ?? '';
const noTimezone = `{
  "name": "Kauppatori Oulu",
  "city": "Oulu",
  "country": "FIN"
}
`;

let mock: RunningMock;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let requested: string[];
let pageErrors: string[];

beforeAll(async () => {
  mock = await serveMock({ port: 0 });
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
  page.on('request', (request) => requested.push(request.url()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(`${mock.url}/`);
});

afterEach(async () => {
  await context.close();
  // A CSP violation or a script error is logged by the page; none is expected in any test.
  expect(pageErrors).toEqual([]);
});

describe('the payload checker page', () => {
  it('lists issues at /parkingType and /facilities/1 for a pasted payload', async () => {
    await paste(page, mistakes);
    await waitForVerdict(page, 'invalid');
    const paths = (await readIssues(page)).map((issue) => issue.instancePath);
    expect(paths).toContain('/parkingType');
    expect(paths).toContain('/facilities/1');
    expect(await page.locator('#verdict').textContent()).toMatch(/^Invalid: \d+ errors/);
  });

  it.each([false, true])(
    'lists exactly what the CLI reports for the same payload (strict %s)',
    async (strict) => {
      if (strict) await page.locator('#strict').check();
      await paste(page, mistakes);
      await waitForVerdict(page, 'invalid', strict);
      const cli = await validateWithCli(mistakes, strict);
      const expected = (cli.files[0]?.issues ?? []).map(({ severity, instancePath, message, line }) => ({
        severity,
        instancePath,
        message,
        line,
      }));
      expect(expected.length).toBeGreaterThan(2);
      expect(await readIssues(page)).toEqual(expected);
    },
  );

  it('shows no error for each sample taken from the spec', async () => {
    for (const sample of samples.filter((s) => s.id !== 'mistakes')) {
      await page.getByRole('button', { name: sample.label, exact: true }).click();
      await waitForVerdict(page, 'valid');
      expect(await page.locator('#payload').inputValue()).toBe(sample.text);
      const severities = (await readIssues(page)).map((issue) => issue.severity);
      expect(severities, sample.id).not.toContain('error');
    }
    await page.getByRole('button', { name: 'With mistakes' }).click();
    await waitForVerdict(page, 'invalid');
  });

  it('turns OCPI warnings into errors in strict mode', async () => {
    await paste(page, noTimezone);
    await waitForVerdict(page, 'valid', false);
    expect(await readIssues(page)).toMatchObject([{ severity: 'warning', instancePath: '/timezone' }]);
    await page.getByLabel('Strict (OCPI 2.2.1 rules as errors)').check();
    await waitForVerdict(page, 'invalid', true);
    expect(await readIssues(page)).toMatchObject([{ severity: 'error', instancePath: '/timezone' }]);
    await page.getByLabel('Strict (OCPI 2.2.1 rules as errors)').uncheck();
    await waitForVerdict(page, 'valid', false);
  });

  it('validates on the Validate button', async () => {
    await page.locator('#payload').evaluate((editor: HTMLTextAreaElement) => {
      editor.value = '{"parkingType": "CAR_PARK"}';
    });
    await page.getByRole('button', { name: 'Validate' }).click();
    await waitForVerdict(page, 'invalid');
    expect((await readIssues(page)).map((issue) => issue.instancePath)).toContain('/parkingType');
  });

  it('moves the cursor to the line of the issue chosen by click or by Enter', async () => {
    await paste(page, mistakes);
    await waitForVerdict(page, 'invalid');
    const issues = await readIssues(page);
    const facility = issues.find((issue) => issue.instancePath === '/facilities/1');
    const parking = issues.find((issue) => issue.instancePath === '/parkingType');
    expect(facility?.line).toBe(mistakes.split('\n').findIndex((line) => line.includes('"JACUZZI"')) + 1);
    await page.locator('.issue[data-instance-path="/facilities/1"]').click();
    expect(await readCursor(page)).toEqual({ line: facility?.line, focused: true });
    await page.locator('.issue[data-instance-path="/parkingType"]').focus();
    await page.keyboard.press('Enter');
    expect(await readCursor(page)).toEqual({ line: parking?.line, focused: true });
  });

  it('reports text that is not JSON as a syntax error with its line and column', async () => {
    await paste(page, '{\n  "name": "Hatanpää",\n  "city": ,\n}\n');
    await waitForVerdict(page, 'not-json');
    const [issue, ...rest] = await readIssues(page);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ severity: 'error', instancePath: '', line: 3 });
    expect(issue?.message).toMatch(/^the body is not valid JSON at line 3, column 11/);
    await page.locator('.issue').click();
    expect(await readCursor(page)).toEqual({ line: 3, focused: true });
  });

  it('sends the payload with the typed client and shows the created Loc- id', async () => {
    await page.getByRole('button', { name: 'Minimal' }).click();
    await expect.poll(() => page.getByLabel('API key').inputValue()).toBe('demo-api-key');
    expect(await page.getByLabel('Integration id').inputValue()).toBe('int-tampere-roaming');
    await page.getByRole('button', { name: 'Send to mock' }).click();
    await page.locator('#send-status[data-state="created"]').waitFor();
    const status = await page.locator('#send-status').textContent();
    const id = /created (Loc-[A-Za-z0-9-]+)$/.exec(status ?? '')?.[1];
    expect(status).toMatch(/^HTTP 200/);
    expect(id).toBeDefined();
    expect(await page.locator('#send-body').textContent()).toContain(`"id": "${id}"`);
    const created = mock.mock.state.store.locations.toArray().map((location) => location.id);
    expect(created).toContain(id);
  });

  it('shows the refusal when the API key is wrong', async () => {
    await page.getByRole('button', { name: 'Minimal' }).click();
    await page.getByLabel('API key').fill('wrong-key');
    await page.getByRole('button', { name: 'Send to mock' }).click();
    await page.locator('#send-status[data-state="refused"]').waitFor();
    expect(await page.locator('#send-status').textContent()).toMatch(/^HTTP 401 .*unauthorised/);
    // Chromium logs every 4xx answer to a fetch; this one is the point of the test.
    pageErrors = pageErrors.filter((message) => !message.includes('status of 401'));
  });

  it('makes no request outside the mock, under a same-origin Content-Security-Policy', async () => {
    const response = await page.reload();
    expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'");
    for (const sample of samples) {
      await page.getByRole('button', { name: sample.label, exact: true }).click();
      await page.locator('#verdict:not([data-state="checking"])').waitFor();
    }
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByRole('button', { name: 'Send to mock' }).click();
    await page.locator('#send-status[data-state="created"]').waitFor();
    expect(requested.length).toBeGreaterThan(5);
    expect(requested.filter((url) => new URL(url).origin !== mock.url)).toEqual([]);
    expect(requested).toContain(`${mock.url}/assets/client.js`);
  });
});
