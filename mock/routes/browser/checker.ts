// The payload checker: the mock's home page (`GET /`) and the static checker (`dist/checker/`) alike. It checks
// in the page with the validators generated from the spec; a mock serving another spec checks through its
// `/__mock/validate`, which runs the CLI's own report too. Where a mock is there, it sends through the typed client.
import type { RunReport } from '../../../src/core/report/validate-report.ts';
import { adminPaths } from '../../../src/generated/admin-facts.ts';
import type { Sample } from '../home-samples.ts';
import { type IssuesView, showReport, showState } from './issues-view.ts';
import { checkLocally, localSpecDigest, localSpecDocument } from './local-check.ts';
import { wireOcpiPanel } from './ocpi-panel.ts';
import { wireSendPanel } from './send-panel.ts';

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
};

const editor = byId<HTMLTextAreaElement>('payload');
const strict = byId<HTMLInputElement>('strict');
const view: IssuesView = { verdict: byId('verdict'), list: byId<HTMLOListElement>('issues'), editor };
const data = JSON.parse(byId('checker-data').textContent ?? '{}') as {
  samples: Sample[];
  specDigest?: string;
};
const { samples } = data;
/** Whether the page checks by itself: it holds the validators of the very spec it is about. */
const local = data.specDigest === localSpecDigest();
const adminToken = document.getElementById('admin-token') as HTMLInputElement | null;
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: AbortController | undefined;
const ocpi = wireOcpiPanel({
  after: view.verdict,
  editor,
  converted: () => void validate(),
  ...(local ? { specDocument: localSpecDocument } : {}),
});

/** Checks the editor's text now; an answer to an older text is dropped. */
async function validate(): Promise<void> {
  clearTimeout(timer);
  inFlight?.abort();
  const text = editor.value;
  ocpi.offer(undefined);
  if (text.trim() === '') {
    showState(view, 'empty', 'Paste a payload or pick a sample.');
    return;
  }
  if (local) {
    const report = checkLocally(text, strict.checked);
    showReport(view, report);
    ocpi.offer(report);
    return;
  }
  const controller = new AbortController();
  inFlight = controller;
  showState(view, 'checking', 'Checking…');
  try {
    const response = await fetch(`${adminPaths.validatePayload}?strict=${strict.checked}`, {
      method: 'POST',
      headers: {
        'content-type': 'text/plain; charset=UTF-8',
        // Beyond loopback every /__mock route needs the admin token (RFC 6750); the field shows up after a 401.
        ...(adminToken?.value ? { authorization: `Bearer ${adminToken.value}` } : {}),
      },
      body: text,
      signal: controller.signal,
    });
    const answer: unknown = await response.json();
    if (controller.signal.aborted) return;
    if (response.ok) {
      showReport(view, answer as RunReport);
      ocpi.offer(answer as RunReport);
    } else {
      if (response.status === 401 && adminToken) byId('admin').hidden = false;
      const detail = (answer as { detail?: string }).detail ?? `HTTP ${response.status}`;
      showState(view, 'failed', `The mock refused to check: ${detail}`);
    }
  } catch (error) {
    if (controller.signal.aborted) return;
    showState(view, 'failed', `The mock could not be reached: ${(error as Error).message}`);
  }
}

const validateSoon = () => {
  clearTimeout(timer);
  timer = setTimeout(() => void validate(), 300);
};

const load = (text: string) => {
  editor.value = text;
  void validate();
};

editor.addEventListener('input', validateSoon);
editor.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    void validate();
  }
});
editor.addEventListener('dragover', (event) => event.preventDefault());
editor.addEventListener('drop', (event) => {
  const file = event.dataTransfer?.files[0];
  if (!file) return;
  event.preventDefault();
  void file.text().then(load);
});
byId<HTMLInputElement>('file').addEventListener('change', (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file) void file.text().then(load);
});
strict.addEventListener('change', () => void validate());
adminToken?.addEventListener('input', validateSoon);
byId('validate').addEventListener('click', () => void validate());
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-sample]')) {
  const sample = samples.find((s) => s.id === button.dataset.sample);
  if (sample) button.addEventListener('click', () => load(sample.text));
}
// The static checker has no mock to send to.
if (document.getElementById('send')) {
  wireSendPanel({
    form: byId<HTMLFormElement>('send'),
    apiKey: byId<HTMLInputElement>('api-key'),
    integration: byId<HTMLInputElement>('integration'),
    status: byId('send-status'),
    body: byId<HTMLPreElement>('send-body'),
    editor,
  });
}
