import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApp } from '../../mock/app.ts';
import type { JournalEntry } from '../../mock/core/state/journal.ts';
import { type RunningMock, serveMock } from '../../mock/server/node-server.ts';
import { createMswHandlers } from '../../src/msw/index.ts';
import { type CorpusCase, corpus } from '../mock/corpus.ts';

// The request corpus through the three adapters of one core: the HTTP mock on a port, `mock.fetch` in-process,
// and MSW's `setupServer` intercepting the global fetch. Each has its own mock with the same seed and sees the
// same requests in the same order, so even the journals must agree.
const baseUrl = 'https://api.emabler.net/api';
const seed = 11;
let http1: RunningMock;
const inProcess = createMockApp({ seed });
const handlers = createMswHandlers({ seed });
const server = setupServer(
  ...handlers,
  // Stands in for the network: whatever the package's handlers do not answer reaches this.
  http.all('https://api.emabler.net/*', () => HttpResponse.text('passed through', { status: 299 })),
);

beforeAll(async () => {
  http1 = await serveMock({ port: 0, seed });
  server.listen({ onUnhandledRequest: 'bypass' });
});
afterAll(async () => {
  server.close();
  await http1?.close();
});

const init = (c: CorpusCase): RequestInit => ({
  method: c.method ?? 'POST',
  headers: c.headers,
  ...(c.body === undefined ? {} : { body: c.body }),
});

/** Status, media type and body; a created location's id and time differ by design, so they are masked. */
async function seen(response: Response) {
  const body = (await response.text())
    .replace(/Loc-[A-Za-z0-9_-]+/g, 'Loc-<id>')
    .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<time>');
  return { status: response.status, type: response.headers.get('content-type'), body };
}

/** The operation's path: what the handlers answer; the corpus's other requests are for the mock's 404. */
const forTheOperation = (c: CorpusCase) => /^\/integrations\/[^/?]+\/locations(\?|$)/.test(c.path);
const operationCases = corpus.filter(forTheOperation);
const otherCases = corpus.filter((c) => !forTheOperation(c));

describe('the http mock, mock.fetch and the msw handlers', () => {
  it.each(operationCases.map((c) => [c.name, c] as const))('answer %s alike', async (_, c) => {
    const overHttp = await seen(await fetch(http1.url + c.path, init(c)));
    const direct = await seen(await inProcess.fetch(new Request(`http://mock.test${c.path}`, init(c))));
    const throughMsw = await seen(await fetch(baseUrl + c.path, init(c)));
    expect(overHttp.status).toBe(c.status);
    expect(direct).toEqual(overHttp);
    expect(throughMsw).toEqual(overHttp);
  });

  it.each(otherCases.map((c) => [c.name, c] as const))(
    'answer %s alike, except msw passes it on',
    async (_, c) => {
      const overHttp = await seen(await fetch(http1.url + c.path, init(c)));
      const direct = await seen(await inProcess.fetch(new Request(`http://mock.test${c.path}`, init(c))));
      const throughMsw = await fetch(baseUrl + c.path, init(c));
      expect(overHttp.status).toBe(c.status);
      expect(direct).toEqual(overHttp);
      expect({ status: throughMsw.status, body: await throughMsw.text() }).toEqual({
        status: 299,
        body: 'passed through',
      });
    },
  );

  it('keep the same journal', () => {
    const entries = (list: readonly JournalEntry[]) =>
      list.map(({ method, path, query, status, issues, createdId }) => ({
        method,
        path,
        query,
        status,
        issues,
        created: createdId !== undefined,
      }));
    const overHttp = entries(http1.mock.state.journal.list().entries);
    const ofTheOperation = (list: ReturnType<typeof entries>) =>
      list.filter((e) => /^\/integrations\/[^/]+\/locations$/.test(e.path));
    expect(ofTheOperation(overHttp).length).toBeGreaterThan(40);
    expect(entries(inProcess.state.journal.list().entries)).toEqual(overHttp);
    expect(entries(handlers.mock.state.journal.list().entries)).toEqual(ofTheOperation(overHttp));
  });
});
