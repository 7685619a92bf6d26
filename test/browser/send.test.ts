import { describe, expect, it } from 'vitest';
import { demo } from '../support/demo.ts';
import { samples, useCheckerPage } from './checker-session.ts';

const session = useCheckerPage();

describe('sending from the payload checker page', () => {
  it('sends the payload with the typed client and shows the created Loc- id', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Minimal' }).click();
    await expect.poll(() => page.getByLabel('API key').inputValue()).toBe(demo.apiKey);
    expect(await page.getByLabel('Integration id').inputValue()).toBe('int-tampere-roaming');
    await page.getByRole('button', { name: 'Send to mock' }).click();
    await page.locator('#send-status[data-state="created"]').waitFor();
    const status = await page.locator('#send-status').textContent();
    const id = /created (Loc-[A-Za-z0-9-]+)$/.exec(status ?? '')?.[1];
    expect(status).toMatch(/^HTTP 200/);
    expect(id).toBeDefined();
    expect(await page.locator('#send-body').textContent()).toContain(`"id": "${id}"`);
    const created = session.mock.mock.state.store.locations.toArray().map((location) => location.id);
    expect(created).toContain(id);
  });

  it('shows the refusal when the API key is wrong', async () => {
    const { page } = session;
    session.expectConsoleErrors(/status of 401/);
    await page.getByRole('button', { name: 'Minimal' }).click();
    await page.getByLabel('API key').fill('wrong-key');
    await page.getByRole('button', { name: 'Send to mock' }).click();
    await page.locator('#send-status[data-state="refused"]').waitFor();
    expect(await page.locator('#send-status').textContent()).toMatch(/^HTTP 401 .*unauthorised/);
  });

  it('makes no request outside the mock, under a same-origin Content-Security-Policy', async () => {
    const { page } = session;
    const response = await page.reload();
    expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'");
    for (const sample of samples) {
      await page.getByRole('button', { name: sample.label, exact: true }).click();
      await page.locator('#verdict:not([data-state="checking"])').waitFor();
    }
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByRole('button', { name: 'Send to mock' }).click();
    await page.locator('#send-status[data-state="created"]').waitFor();
    expect(session.requested.length).toBeGreaterThan(5);
    expect(session.requested.filter((url) => new URL(url).origin !== session.mock.url)).toEqual([]);
    expect(session.requested).toContain(`${session.mock.url}/assets/client.js`);
  });
});
