import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { maxQueuedBytes, writeOrDrop } from '../../mock/output.ts';
import { batchedStdout } from '../../mock/server/log.ts';

/** A stream like a pipe nobody reads: it takes the first write and never finishes it. */
const stuck = () => new Writable({ write: () => undefined });

describe('output that nobody reads', () => {
  it('drops and counts lines once the stream holds its limit, instead of queuing them', () => {
    const stream = stuck();
    const line = `${'x'.repeat(99)}\n`;
    let written = 0;
    for (let i = 0; i < 50_000; i++) if (writeOrDrop(stream, line)) written++;
    expect(stream.writableLength).toBeLessThanOrEqual(maxQueuedBytes + line.length);
    expect(written).toBeLessThan(50_000);
    expect(written * line.length).toBeGreaterThanOrEqual(maxQueuedBytes);
  });

  it('drops the request log in batches and keeps the heap flat', async () => {
    const stream = stuck();
    const write = batchedStdout(stream);
    const before = process.memoryUsage().heapUsed;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 2000; i++)
        write(`12:00:00.000 POST /integrations/int-x/locations 200 1.0 ms ${i}\n`);
      await new Promise((done) => setImmediate(done));
    }
    expect(stream.writableLength).toBeLessThanOrEqual(2 * maxQueuedBytes);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('writes everything to a stream that drains', async () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    for (let i = 0; i < 100; i++) expect(writeOrDrop(stream, `${i}\n`)).toBe(true);
    expect(chunks).toHaveLength(100);
  });
});
