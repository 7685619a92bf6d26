import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/node/load-spec.ts';
import { specText } from '../support/temp-project.ts';
import { paste, readIssues, waitForVerdict } from './checker-page.ts';
import { mistakes, useCheckerPage } from './checker-session.ts';

// As a mock beyond loopback does: every /__mock route, /__mock/validate included, needs the admin token.
describe('the payload checker page of a mock with an admin token', () => {
  const session = useCheckerPage({ adminToken: 'checker-admin-token' });

  it('checks in the page, with no token and no request to the mock', async () => {
    const { page } = session;
    await paste(page, mistakes);
    await waitForVerdict(page, 'invalid');
    expect((await readIssues(page)).map((issue) => issue.instancePath)).toContain('/parkingType');
    expect(await page.getByLabel(/Admin token/).isVisible()).toBe(false);
    expect(session.requested.filter((url) => url.includes('/__mock/'))).toEqual([]);
  });
});

// A mock of another spec: the page holds no validators for it and checks through the mock, with the token.
describe('the payload checker page of a mock of another spec with an admin token', () => {
  const other = parseSpec(specText.replace('title:', 'title: Another'), 'another.yaml');
  const session = useCheckerPage({ adminToken: 'checker-admin-token', spec: other });

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
