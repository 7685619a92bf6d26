import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, serveMock } from '../../mock/server/node-server.ts';
import { corpus } from './corpus.ts';
import { type PrismProcess, send, startPrism } from './prism.ts';

// The same corpus against `prism mock` and against the mock. Where Prism's semantics apply (the spec alone
// decides) the statuses must be equal. Where they differ, corpus.ts says why, case by case; in short:
//
// | case                                   | mock | prism mock | why                                              |
// |----------------------------------------|------|------------|--------------------------------------------------|
// | unknown API key / function code        | 401  | 200        | Prism checks a credential is present, not known  |
// | unknown or another customer's integr.  | 404  | 200        | Prism has no integrations: it never says 404     |
// | unknown clientId                       | 404  | 200        | Prism has no customers                           |
// | unknown integration, problem+json      | 404  | 406        | Prism picks the 200, which has no problem+json   |
// | unreadable Prefer (code=teapot)        | 400  | 422        | Prism's own 422 is not in the spec               |
let mock: RunningMock;
let prism: PrismProcess;
beforeAll(async () => {
  mock = await serveMock({ port: 0, host: '127.0.0.1' });
  prism = await startPrism(['mock']);
}, 60_000);
afterAll(async () => {
  await prism?.stop();
  await mock?.close();
});

describe('the mock and prism mock', () => {
  const same = corpus.filter((c) => !c.prismMock);
  const different = corpus.filter((c) => c.prismMock);

  it.each(same.map((c) => [c.name, c] as const))('answer %s with the same status', async (_, c) => {
    const [ours, theirs] = await Promise.all([send(mock.url, c), send(prism.url, c)]);
    await Promise.all([ours.arrayBuffer(), theirs.arrayBuffer()]);
    expect({ mock: ours.status, prism: theirs.status }).toEqual({ mock: c.status, prism: c.status });
  });

  it.each(different.map((c) => [c.name, c] as const))('differ as documented for %s', async (_, c) => {
    const [ours, theirs] = await Promise.all([send(mock.url, c), send(prism.url, c)]);
    await Promise.all([ours.arrayBuffer(), theirs.arrayBuffer()]);
    expect({ mock: ours.status, prism: theirs.status }).toEqual({
      mock: c.status,
      prism: c.prismMock?.status,
    });
  });

  it('documents a reason for every difference', () => {
    for (const c of different) expect(c.prismMock?.why.length).toBeGreaterThan(20);
  });
});
