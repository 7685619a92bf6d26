import type { Page } from 'playwright-core';
import type { VerdictState } from '../../mock/routes/browser/issues-view.ts';

/** One issue as the page lists it. */
export interface ListedIssue {
  readonly severity: string;
  readonly instancePath: string;
  readonly message: string;
  readonly line: number | undefined;
}

/** Puts `text` into the editor as a paste does: one insertion at the cursor of an emptied, focused editor. */
export async function paste(page: Page, text: string): Promise<void> {
  await page.locator('#payload').fill('');
  await page.locator('#payload').focus();
  await page.keyboard.insertText(text);
}

/** Waits until the verdict is in `state` (and in strict mode when `strict` is given). */
export async function waitForVerdict(page: Page, state: VerdictState, strict?: boolean): Promise<void> {
  const mode = strict === undefined ? '' : `[data-strict="${strict}"]`;
  await page.locator(`#verdict[data-state="${state}"]${mode}`).waitFor();
}

/** The issues the page lists, in order. */
export function readIssues(page: Page): Promise<ListedIssue[]> {
  return page.locator('#issues .issue').evaluateAll((buttons) =>
    (buttons as HTMLButtonElement[]).map((button) => ({
      severity: button.dataset.severity ?? '',
      instancePath: button.dataset.instancePath ?? '',
      message: button.querySelector('.message')?.textContent ?? '',
      line: button.dataset.line === undefined ? undefined : Number(button.dataset.line),
    })),
  );
}

/** The line (from 1) of the editor's cursor, and whether the editor has the focus. */
export function readCursor(page: Page): Promise<{ line: number; focused: boolean }> {
  return page.locator('#payload').evaluate((editor: HTMLTextAreaElement) => ({
    line: editor.value.slice(0, editor.selectionStart).split('\n').length,
    focused: document.activeElement === editor,
  }));
}
