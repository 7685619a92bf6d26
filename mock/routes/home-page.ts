import { escapeMarkup } from '../../src/core/report/text.ts';
import type { DemoCredentials, Sample } from './home-samples.ts';

/** What the home page shows besides its fixed text. */
export interface HomePage {
  readonly operation: string;
  /** The header an API key travels in, from the spec's security scheme. */
  readonly apiKeyHeader: string;
  readonly credentials: DemoCredentials | undefined;
  readonly samples: readonly Sample[];
  /** Whether the strict checkbox starts ticked (the mock runs with `--strict`). */
  readonly strict: boolean;
  /** The SHA-256 of the spec the page is about: the page checks by itself when its validators are that spec's. */
  readonly specDigest: string;
  /**
   * `mock`: the mock's `/`, with the demo credentials, the reference links and Send to mock. `static`: the
   * static checker (`dist/checker/`), which has no mock to talk to and works from any folder, even a file.
   */
  readonly target: 'mock' | 'static';
}

/** The home page's HTML: no inline script or style, so a strict Content-Security-Policy holds. */
export function renderHomePage(page: HomePage): string {
  const c = page.credentials;
  const mock = page.target === 'mock';
  const demo = !mock
    ? '<p class="demo">Checks payloads in this page: nothing you paste leaves it.</p>'
    : c
      ? `<p class="demo">Demo customer ${escapeMarkup(c.customer)}: <code>${escapeMarkup(page.apiKeyHeader)}: ${escapeMarkup(c.apiKey)}</code>, integration <code>${escapeMarkup(c.integrationId)}</code></p>`
      : '<p class="demo">No demo customer: the fixtures name no API key with an integration.</p>';
  const buttons = page.samples
    .map((s) => `<button type="button" data-sample="${escapeMarkup(s.id)}">${escapeMarkup(s.label)}</button>`)
    .join('\n        ');
  // A data block is never executed, so the CSP's script-src does not apply to it; `<` is escaped so that no
  // sample can end the element early.
  const data = JSON.stringify({ samples: page.samples, specDigest: page.specDigest }).replaceAll(
    '<',
    '\\u003c',
  );
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>ocpi-location-kit${mock ? ' mock' : ''}: payload checker</title>
  ${mock ? mockHead : staticHead}
</head>
<body>
  <header>
    <div>
      <h1>ocpi-location-kit${mock ? ' mock' : ' payload checker'}</h1>
      <p>${mock ? 'Mocks' : 'Checks bodies of'} <code>${escapeMarkup(page.operation)}</code> ("add an OCPI location to an integration") ${mock ? 'from' : 'against'} <code>openapi.yaml</code>.</p>
      ${demo}
    </div>
    ${mock ? mockNav : ''}
  </header>
  <main>
    <h2>Payload checker</h2>
    <div class="toolbar">
      <div role="group" aria-label="Samples">
        <span class="toolbar-label">Samples:</span>
        ${buttons}
      </div>
      <div class="toolbar-actions">
        <label class="file"><span>Open a file…</span><input type="file" id="file" accept=".json,application/json,text/plain"></label>
        <label><input type="checkbox" id="strict"${page.strict ? ' checked' : ''}> Strict (OCPI 2.2.1 rules as errors)</label>
        <button type="button" id="validate" class="primary">Validate</button>
      </div>
    </div>
    <div class="panes">
      <section class="editor" aria-labelledby="payload-label">
        <label id="payload-label" for="payload">Payload (JSON): paste, type, or drop a file; checked as you type</label>
        <textarea id="payload" wrap="off" spellcheck="false" autocomplete="off" placeholder='{ "name": "Hatanpää", "city": "Tampere", "country": "FIN" }'></textarea>
      </section>
      <section class="results" aria-labelledby="issues-heading">
        <h3 id="issues-heading">Issues</h3>
        <p id="verdict" role="status" aria-live="polite" data-state="empty">Paste a payload or pick a sample.</p>
${mock ? adminField : ''}        <ol id="issues" aria-label="Issues; choose one to move the cursor to it"></ol>
${mock ? sendForm(c) : ''}      </section>
    </div>
  </main>
  <script type="application/json" id="checker-data">${data}</script>
</body>
</html>
`;
}

const mockHead = `<link rel="stylesheet" href="/assets/checker.css">
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
  <script type="module" src="/assets/checker.js"></script>`;

// Relative URLs and a classic script: a module script is refused from file:// (its origin is opaque).
const staticHead = `<link rel="stylesheet" href="checker.css">
  <link rel="icon" type="image/svg+xml" href="favicon.svg">
  <script defer src="checker.js"></script>`;

const mockNav = `<nav aria-label="Reference">
      <a href="/docs">API reference</a>
      <a href="/openapi.yaml">openapi.yaml</a>
      <a href="/openapi.json">openapi.json</a>
    </nav>`;

const adminField = `        <p id="admin" class="admin" hidden><label>Admin token (this mock listens beyond loopback) <input id="admin-token" type="password" autocomplete="off"></label></p>
`;

/** Send to mock: only where a mock is there. */
function sendForm(c: DemoCredentials | undefined): string {
  return `        <form id="send" aria-labelledby="send-heading">
          <h3 id="send-heading">Send to mock</h3>
          <div class="fields">
            <label>API key <input id="api-key" name="apiKey" autocomplete="off" value="${escapeMarkup(c?.apiKey ?? '')}"></label>
            <label>Integration id <input id="integration" name="integrationId" required autocomplete="off" value="${escapeMarkup(c?.integrationId ?? '')}"></label>
            <button type="submit">Send to mock</button>
          </div>
          <div id="send-result" role="status" aria-live="polite">
            <p id="send-status"></p>
            <pre id="send-body" hidden></pre>
          </div>
        </form>
`;
}
