// `npm run screenshots`: PNGs of the payload checker (`GET /`, and the static one) on a 1366x768 laptop screen,
// for the README.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveMock } from '../mock/server/node-server.ts';
import { waitForVerdict } from '../test/browser/checker-page.ts';
import { launchChromium } from '../test/browser/chromium.ts';

const folder = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

/** Saves the empty page, the issues of the "with mistakes" sample, a sent payload, a converted OCPI Location and the static checker. */
async function takeScreenshots(): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const mock = await serveMock({ port: 0, seed: 1 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${mock.url}/`);
    await page.screenshot({ path: `${folder}checker-empty.png` });
    await page.getByRole('button', { name: 'With mistakes' }).click();
    await waitForVerdict(page, 'invalid');
    await page.locator('.issue[data-instance-path="/parkingType"]').click();
    await page.screenshot({ path: `${folder}checker-issues.png` });
    await page.getByRole('button', { name: 'Complete' }).click();
    await waitForVerdict(page, 'valid');
    await page.getByRole('button', { name: 'Send to mock' }).click();
    await page.locator('#send-status[data-state="created"]').waitFor();
    await page.screenshot({ path: `${folder}checker-sent.png` });
    const malmo = new URL(
      '../test/fixtures/ocpi/location-malmo-parking-garage-opening-hours.json',
      import.meta.url,
    );
    await page.locator('#payload').fill(readFileSync(malmo, 'utf8'));
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.getByRole('button', { name: 'Convert to an eMabler body' }).click();
    await page.locator('#ocpi-dropped li').first().waitFor();
    await waitForVerdict(page, 'valid');
    await page.screenshot({ path: `${folder}checker-ocpi.png` });
    // The static checker (dist/checker/, npm run build), opened from a file: no mock anywhere.
    const checker = new URL('../dist/checker/index.html', import.meta.url);
    await page.goto(checker.href);
    await page.getByRole('button', { name: 'With mistakes' }).click();
    await waitForVerdict(page, 'invalid');
    await page.locator('.issue[data-instance-path="/facilities/1"]').click();
    await page.screenshot({ path: `${folder}checker-static.png` });
    process.stdout.write(`screenshots saved in ${folder}\n`);
  } finally {
    await browser.close();
    await mock.close();
  }
}

await takeScreenshots();
