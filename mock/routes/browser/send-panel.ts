import { createLocationsClient, type Location } from '../../../src/core/client/index.ts';

/** The elements of the "Send to mock" form. */
export interface SendPanel {
  readonly form: HTMLFormElement;
  readonly apiKey: HTMLInputElement;
  readonly integration: HTMLInputElement;
  readonly status: HTMLElement;
  readonly body: HTMLPreElement;
  readonly editor: HTMLTextAreaElement;
}

interface Seen {
  readonly status: number;
  readonly statusText: string;
  readonly text: string;
}

/** Sends the editor's payload to this mock with the package's typed client and shows the answer. */
export function wireSendPanel(panel: SendPanel): void {
  panel.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(panel);
  });
}

async function send(panel: SendPanel): Promise<void> {
  let payload: unknown;
  try {
    payload = JSON.parse(panel.editor.value);
  } catch {
    show(panel, 'failed', 'Not sent: the payload is not JSON (the issues list says where).');
    return;
  }
  show(panel, 'sending', 'Sending…');
  // The client returns values, not responses; a fetch that notes the answer lets the page show it verbatim.
  let seen: Seen | undefined;
  const noting: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    seen = { status: response.status, statusText: response.statusText, text: await response.clone().text() };
    return response;
  };
  const apiKey = panel.apiKey.value.trim();
  const common = { baseUrl: location.origin, problemDetails: true, fetch: noting };
  const client = createLocationsClient(apiKey === '' ? common : { ...common, apiKey });
  try {
    const result = await client.addLocation(panel.integration.value.trim(), payload as Location);
    const http = seen ? `HTTP ${seen.status} ${seen.statusText}`.trim() : 'HTTP';
    if (result.ok) show(panel, 'created', `${http}: created ${result.id}`, seen?.text);
    else show(panel, 'refused', `${http}: ${result.kind}, ${result.message}`, seen?.text);
  } catch (error) {
    show(panel, 'failed', `Not sent: ${(error as Error).message}`);
  }
}

function show(panel: SendPanel, state: string, sentence: string, body?: string): void {
  panel.status.dataset.state = state;
  panel.status.textContent = sentence;
  panel.body.hidden = body === undefined;
  panel.body.textContent = body === undefined ? '' : pretty(body);
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
