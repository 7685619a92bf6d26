import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, serveMock } from '../../mock/server/node-server.ts';
import { corpus } from './corpus.ts';
import { type PrismProcess, responseViolations, send, startPrism } from './prism.ts';

// Prism in proxy mode in front of the mock validates every answer of the mock against openapi.yaml.
// Two proxies: without --errors Prism forwards every request (even those it finds invalid) and lists what it
// finds in `sl-violations`; with --errors a response violation becomes a 500, but Prism also answers requests
// it finds invalid itself (401/422) without forwarding them, so only the first proxy sees the mock's 4xx.
let mock: RunningMock;
let lenient: PrismProcess;
let strict: PrismProcess;
beforeAll(async () => {
  mock = await serveMock({ port: 0, host: '127.0.0.1', seed: 21 });
  [lenient, strict] = await Promise.all([
    startPrism(['proxy', mock.url]),
    startPrism(['proxy', mock.url, '--errors']),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([lenient?.stop(), strict?.stop()]);
  await mock?.close();
});

describe('the mock behind prism proxy', () => {
  it.each(corpus.map((c) => [c.name, c] as const))('answers %s with no response violation', async (_, c) => {
    const response = await send(lenient.url, c);
    await response.arrayBuffer();
    expect(responseViolations(response)).toEqual([]);
    expect(response.status).toBe(c.prismAnswersItself ? response.status : c.status);
  });
});

describe('the mock behind prism proxy --errors', () => {
  it.each(corpus.map((c) => [c.name, c] as const))(
    'answers %s without a Prism VIOLATIONS error',
    async (_, c) => {
      const response = await send(strict.url, c);
      const text = await response.text();
      expect(text).not.toContain('prism/errors#VIOLATIONS');
      expect(response.status).not.toBe(500);
    },
  );

  it('forwards the valid requests and the mock answers them unchanged', async () => {
    for (const c of corpus.filter((c) => c.status === 200)) {
      const response = await send(strict.url, c);
      await response.arrayBuffer();
      expect([c.name, response.status]).toEqual([c.name, 200]);
    }
  });
});
