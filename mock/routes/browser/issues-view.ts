import { plural } from '../../../src/core/report/text.ts';
import type { FileReport, RunReport } from '../../../src/core/report/validate-report.ts';

/** Where the checker shows its verdict and its issues. */
export interface IssuesView {
  readonly verdict: HTMLElement;
  readonly list: HTMLOListElement;
  readonly editor: HTMLTextAreaElement;
}

/** The verdict's states, kept in `data-state` for styling and for tests. */
export type VerdictState = 'empty' | 'checking' | 'valid' | 'invalid' | 'not-json' | 'failed';

/** Shows a state with a sentence and no issues. */
export function showState(view: IssuesView, state: VerdictState, sentence: string): void {
  view.verdict.dataset.state = state;
  view.verdict.textContent = sentence;
  if (state !== 'checking') view.list.replaceChildren();
}

/** Shows the validator's report of one payload: its verdict, then one button per issue, as the CLI lists them. */
export function showReport(view: IssuesView, report: RunReport): void {
  const file = report.results[0];
  if (!file) {
    showState(view, 'failed', 'The mock sent an empty report.');
    return;
  }
  view.verdict.dataset.state = file.inputError ? 'not-json' : file.ok ? 'valid' : 'invalid';
  view.verdict.dataset.strict = String(file.strict);
  view.verdict.textContent = describe(file, file.strict);
  view.list.replaceChildren(...file.issues.map((issue) => renderIssue(view, issue)));
}

function describe(file: FileReport, strict: boolean): string {
  const counts = `${plural(file.errors, 'error')}, ${plural(file.warnings, 'warning')}`;
  const mode = strict ? ', strict' : '';
  if (file.inputError) return `Not JSON: fix the syntax error first${mode}.`;
  const form = file.enumForm && file.enumForm !== 'none' ? `; enum form: ${file.enumForm}` : '';
  return `${file.ok ? 'Valid' : 'Invalid'}: ${counts}${form}${mode}.`;
}

function renderIssue(view: IssuesView, issue: FileReport['issues'][number]): HTMLLIElement {
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'issue';
  button.dataset.severity = issue.severity;
  button.dataset.instancePath = issue.instancePath;
  button.append(
    part('span', 'severity', issue.severity),
    part('code', 'path', issue.instancePath === '' ? '(body)' : issue.instancePath),
    part('span', 'message', issue.message),
  );
  if (issue.line !== undefined && issue.column !== undefined) {
    const { line, column } = issue;
    button.dataset.line = String(line);
    button.append(part('span', 'where', `line ${line}, column ${column}`));
    button.addEventListener('click', () => moveCursor(view.editor, line, column));
  } else {
    button.disabled = true;
  }
  item.append(button);
  return item;
}

/** Puts the editor's cursor on `line`:`column` (both from 1) and scrolls that line into the middle of view. */
function moveCursor(editor: HTMLTextAreaElement, line: number, column: number): void {
  const lines = editor.value.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += (lines[i]?.length ?? 0) + 1;
  offset += Math.max(0, Math.min(column - 1, lines[line - 1]?.length ?? 0));
  editor.focus();
  editor.setSelectionRange(offset, offset);
  const lineHeight = Number.parseFloat(getComputedStyle(editor).lineHeight) || 18;
  editor.scrollTop = Math.max(0, (line - 1) * lineHeight - editor.clientHeight / 3);
}

function part(tag: 'span' | 'code', className: string, text: string): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}
