import { describe, expect, it } from 'vitest';
import { paste, readCursor, readIssues, waitForVerdict } from './checker-page.ts';
import { mistakes, samples, useCheckerPage } from './checker-session.ts';
import { validateWithCli } from './cli.ts';

const noTimezone = `{
  "name": "Kauppatori Oulu",
  "city": "Oulu",
  "country": "FIN"
}
`;

const session = useCheckerPage();

describe('the payload checker page', () => {
  it('lists issues at /parkingType and /facilities/1 for a pasted payload', async () => {
    const { page } = session;
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
      const { page } = session;
      if (strict) await page.locator('#strict').check();
      await paste(page, mistakes);
      await waitForVerdict(page, 'invalid', strict);
      const cli = await validateWithCli(mistakes, strict);
      const expected = (cli.results[0]?.issues ?? []).map(({ severity, instancePath, message, line }) => ({
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
    const { page } = session;
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
    const { page } = session;
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
    const { page } = session;
    await page.locator('#payload').evaluate((editor: HTMLTextAreaElement) => {
      editor.value = '{"parkingType": "CAR_PARK"}';
    });
    await page.getByRole('button', { name: 'Validate' }).click();
    await waitForVerdict(page, 'invalid');
    expect((await readIssues(page)).map((issue) => issue.instancePath)).toContain('/parkingType');
  });

  it('moves the cursor to the line of the issue chosen by click or by Enter', async () => {
    const { page } = session;
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
    const { page } = session;
    await paste(page, '{\n  "name": "Hatanpää",\n  "city": ,\n}\n');
    await waitForVerdict(page, 'not-json');
    const [issue, ...rest] = await readIssues(page);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ severity: 'error', instancePath: '', line: 3 });
    expect(issue?.message).toMatch(/^the body is not valid JSON at line 3, column 11/);
    await page.locator('.issue').click();
    expect(await readCursor(page)).toEqual({ line: 3, focused: true });
  });

  it('checks a file dropped on the editor or chosen with Open a file', async () => {
    const { page } = session;
    await page.locator('#payload').evaluate((editor, text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'site.json', { type: 'application/json' }));
      editor.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, mistakes);
    await waitForVerdict(page, 'invalid');
    expect(await page.locator('#payload').inputValue()).toBe(mistakes);
    const minimal = samples.find((sample) => sample.id === 'minimal')?.text ?? '';
    await page.getByLabel('Open a file…').setInputFiles({
      name: 'minimal.json',
      mimeType: 'application/json',
      buffer: Buffer.from(minimal),
    });
    await waitForVerdict(page, 'valid');
    expect(await page.locator('#payload').inputValue()).toBe(minimal);
  });
});
