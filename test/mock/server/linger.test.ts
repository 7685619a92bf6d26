import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, serveMock } from '../../../mock/server/node-server.ts';
import { spec } from '../helpers.ts';
import { postHead, writeFirst, writeForever } from './write-first.ts';

// 8 MB: more than loopback's socket buffers hold, so the client is still writing when the mock answers.
const body = Buffer.alloc(8 * 1024 * 1024, 0x20);
let running: RunningMock;
beforeAll(async () => {
  running = await serveMock({ spec, port: 0 });
});
afterAll(() => running.close());

describe('lingering close', () => {
  for (const [name, extra] of [
    ['with connection: close', ['connection: close']],
    ['with keep-alive', []],
  ] as const) {
    it(`delivers the 413 to a client that writes its whole body first, ${name}, every time`, async () => {
      const results = [];
      for (let i = 0; i < 10; i++) {
        results.push(await writeFirst(running.port, postHead(running.port, body.length, [...extra]), body));
      }
      expect(results.map((result) => result.status)).toEqual(Array(10).fill(413));
    });
  }

  it('delivers the 413 to a chunked body that passes the limit', async () => {
    const chunk = body.subarray(0, 4 * 1024 * 1024);
    const chunked = Buffer.concat([
      Buffer.from(`${chunk.length.toString(16)}\r\n`),
      chunk,
      Buffer.from(`\r\n${chunk.length.toString(16)}\r\n`),
      chunk,
      Buffer.from('\r\n0\r\n\r\n'),
    ]);
    const head = postHead(running.port, 0).replace('content-length: 0', 'transfer-encoding: chunked');
    for (let i = 0; i < 5; i++) expect((await writeFirst(running.port, head, chunked)).status).toBe(413);
  });

  it('delivers the 431 to a client that sends headers over the limit and then a body', async () => {
    const head = postHead(running.port, body.length, [`x-pad: ${'p'.repeat(20_000)}`]);
    for (let i = 0; i < 5; i++) expect((await writeFirst(running.port, head, body)).status).toBe(431);
  });

  it('gives up on a client that never stops sending, within the linger limits', async () => {
    const short = await serveMock({ spec, port: 0, lingerMs: 300, lingerBytes: 1024 * 1024 });
    try {
      const started = performance.now();
      // It declares 64 MiB and never stops writing: only the server's linger limits end it.
      const result = await writeForever(
        short.port,
        postHead(short.port, 64 * 1024 * 1024, ['connection: close']),
      );
      expect(result.error).toMatch(/EPIPE|ECONNRESET/);
      expect(performance.now() - started).toBeLessThan(5000);
    } finally {
      await short.close();
    }
  });
});

describe('lingering close on other early answers', () => {
  it('delivers the 404 of an unknown route to a client that writes a big body first', async () => {
    const local = await serveMock({ spec, port: 0 });
    try {
      const head = postHead(local.port, body.length, ['connection: close']).replace(
        '/integrations/int-tampere-roaming/locations',
        '/nowhere',
      );
      for (let i = 0; i < 5; i++) expect((await writeFirst(local.port, head, body)).status).toBe(404);
    } finally {
      await local.close();
    }
  });
});
