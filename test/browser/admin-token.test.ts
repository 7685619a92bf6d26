import { describe, expect, it } from 'vitest';
import { paste, readIssues, waitForVerdict } from './checker-page.ts';
import { mistakes, useCheckerPage } from './checker-session.ts';

// As a mock beyond loopback does: every /__mock route, /__mock/validate included, needs the admin token.
const session = useCheckerPage({ adminToken: 'checker-admin-token' });

describe('the payload checker page of a mock with an admin token', () => {
  it('asks for the admin token, then checks with it', async () => {
    const { page } = session;
    session.expectConsoleErrors(/status of 401/);
    expect(await page.getByLabel(/Admin token/).isVisible()).toBe(false);
    await paste(page, mistakes);
    await waitForVerdict(page, 'failed');
    expect(await page.locator('#verdict').textContent()).toMatch(/^The mock refused to check: .*admin token/);
    await page.getByLabel(/Admin token/).fill('checker-admin-token');
    await waitForVerdict(page, 'invalid');
    expect((await readIssues(page)).map((issue) => issue.instancePath)).toContain('/parkingType');
  });
});
