import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { paceRequests } from '../../../mock/server/pace.ts';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // a request that takes `ms` of CPU
  }
};
const request = (n: number) => [{ n } as unknown as IncomingMessage, {} as ServerResponse] as const;

describe('request pacing', () => {
  it('handles every request, in order, and leaves turns of the event loop in between', async () => {
    const handled: number[] = [];
    const turnsSeen: number[] = [];
    let turn = 0;
    const tick = setInterval(() => turn++, 0);
    const paced = paceRequests((req) => {
      busy(1);
      handled.push((req as unknown as { n: number }).n);
      turnsSeen.push(turn);
    }, 2);
    for (let n = 0; n < 40; n++) paced(...request(n));
    while (handled.length < 40) await new Promise((done) => setImmediate(done));
    clearInterval(tick);
    expect(handled).toEqual(Array.from({ length: 40 }, (_, n) => n));
    // 40 ms of work in turns of about 2 ms: timers ran many times while the requests were handled.
    expect(new Set(turnsSeen).size).toBeGreaterThan(5);
  });

  it('handles a request at once while the turn has budget left', () => {
    const handled: number[] = [];
    const paced = paceRequests((req) => handled.push((req as unknown as { n: number }).n), 50);
    paced(...request(1));
    paced(...request(2));
    expect(handled).toEqual([1, 2]);
  });
});
