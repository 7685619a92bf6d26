import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromOcpiLocation } from '../../src/index.ts';
import { paste, readIssues, waitForVerdict } from './checker-page.ts';
import { useCheckerPage } from './checker-session.ts';

const ocpi = (name: string) => readFileSync(new URL(`../fixtures/ocpi/${name}`, import.meta.url), 'utf8');
const session = useCheckerPage();

describe('OCPI input on the payload checker page', () => {
  it('offers to convert an OCPI Location, converts it in place and lists what was dropped', async () => {
    const { page } = session;
    const text = ocpi('location-malmo-parking-garage-opening-hours.json');
    await paste(page, text);
    await waitForVerdict(page, 'valid');
    await page.locator('#ocpi-offer').waitFor();
    expect(await page.locator('#ocpi-offer').textContent()).toContain('looks like an OCPI 2.2.1 Location');
    expect((await readIssues(page)).map((issue) => issue.instancePath)).toContain('/postal_code');

    await page.getByRole('button', { name: 'Convert to an eMabler body' }).click();
    await page.locator('#ocpi-dropped li').first().waitFor();
    const expected = fromOcpiLocation(JSON.parse(text));
    expect(JSON.parse(await page.locator('#payload').inputValue())).toEqual(expected.body);
    const dropped = await page
      .locator('#ocpi-dropped li')
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.path));
    expect(dropped).toEqual(expected.dropped.map((field) => field.path));
    expect(await page.locator('#ocpi-dropped').textContent()).toContain(
      "/evses eMabler adds the site's chargers itself unless excludeChargers=true",
    );
    await expect.poll(() => readIssues(page)).toEqual([]);
    expect(await page.locator('#verdict').textContent()).toBe(
      'Valid: 0 errors, 0 warnings; enum form: names.',
    );
    expect(await page.locator('#ocpi-offer').isHidden()).toBe(true);
  });

  it('converts the first location of an OCPI response and says how many there are', async () => {
    const { page } = session;
    await paste(page, ocpi('envelope-two-locations.json'));
    await page.getByRole('button', { name: 'Convert to an eMabler body' }).click();
    await page.locator('#ocpi-dropped li').first().waitFor();
    expect(JSON.parse(await page.locator('#payload').inputValue()).name).toBe('Kauppatori Oulu');
    expect(await page.locator('#ocpi-status').textContent()).toContain('the first of 2 locations');
  });

  it('offers to convert NDJSON, which the validator cannot read as one JSON text', async () => {
    const { page } = session;
    await paste(page, ocpi('ndjson-espoo-and-turku.ndjson'));
    await waitForVerdict(page, 'not-json');
    expect(await page.locator('#ocpi-offer').textContent()).toBe(
      'This is NDJSON: 2 OCPI Locations, one per line.',
    );
    await page.getByRole('button', { name: 'Convert to an eMabler body' }).click();
    await page.locator('#ocpi-dropped li').first().waitFor();
    expect(JSON.parse(await page.locator('#payload').inputValue()).city).toBe('Espoo');
    await waitForVerdict(page, 'valid');
  });

  it('offers nothing for an eMabler body, and hides the drops once the text is edited', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Complete' }).click();
    await waitForVerdict(page, 'valid');
    expect(await page.locator('#ocpi').isHidden()).toBe(true);
    await paste(page, ocpi('location-koln-home-charger.json'));
    await page.getByRole('button', { name: 'Convert to an eMabler body' }).click();
    await page.locator('#ocpi-dropped li').first().waitFor();
    await paste(page, '{"name": "Edited"}');
    await expect.poll(() => page.locator('#ocpi').isHidden()).toBe(true);
    await expect.poll(() => readIssues(page)).toMatchObject([{ instancePath: '/timezone' }]);
    expect(await page.locator('#ocpi').isHidden()).toBe(true);
  });
});
