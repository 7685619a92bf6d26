import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, serveMock } from '../../../mock/server/node-server.ts';
import { demo } from '../../support/demo.ts';
import { tampere } from '../helpers.ts';
import { closedWithin, exchange, open, readAnswer, request } from './wire.ts';

const key = { 'x-api-key': demo.apiKey, 'content-type': 'application/json' };
const headersTimeoutMs = 400;
const requestTimeoutMs = 800;

describe('limits on a real port', () => {
  let running: RunningMock;
  beforeAll(async () => {
    running = await serveMock({
      port: 0,
      bodyLimit: 1024,
      urlLimit: 512,
      headerLimit: 2048,
      headersTimeoutMs,
      requestTimeoutMs,
      keepAliveTimeoutMs: 200,
    });
  });
  afterAll(() => running?.close());

  it('answers 413 at once for a declared length over the limit, reads none of it and closes', async () => {
    const socket = await open(running.port);
    const answer = readAnswer(socket);
    socket.write(request('POST', tampere, { ...key, 'content-length': String(10 * 1024 ** 3) }));
    const started = performance.now();
    expect(await answer).toMatchObject({ status: 413, body: 'Payload too large', closed: true });
    expect(performance.now() - started).toBeLessThan(requestTimeoutMs);
    await closedWithin(socket, 5000);
  });

  it('answers 413 for a body up to twice the limit, drains it unbuffered and keeps the connection', async () => {
    const socket = await open(running.port);
    const first = readAnswer(socket);
    socket.write(request('POST', tampere, key, 'x'.repeat(1500)));
    expect(await first).toMatchObject({ status: 413, closed: false });
    const second = readAnswer(socket);
    socket.write(request('POST', tampere, key, '{}'));
    expect((await second).status).toBe(200);
    socket.destroy();
  });

  it('answers 413 for a chunked body once it passes the limit', async () => {
    const chunk = 'a'.repeat(600);
    const chunked = `${(600).toString(16)}\r\n${chunk}\r\n`;
    const socket = await open(running.port);
    const answer = readAnswer(socket);
    socket.write(request('POST', tampere, { ...key, 'transfer-encoding': 'chunked' }));
    socket.write(chunked + chunked);
    expect(await answer).toMatchObject({ status: 413, closed: true });
    socket.destroy();
  });

  it('answers 414 with a problem document for a target over the limit, and keeps serving', async () => {
    const answer = await exchange(
      running.port,
      request('POST', `${tampere}?x=${'a'.repeat(600)}`, key, '{}'),
    );
    expect(answer.status).toBe(414);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ status: 414, title: 'URI too long' });
    expect(answer.body).not.toContain('aaaa');
    const fine = await exchange(running.port, request('POST', tampere, key, '{}'));
    expect(fine.status).toBe(200);
  });

  it('answers 414 on every route, not only the operation', async () => {
    const answer = await exchange(running.port, request('GET', `/__mock/health?${'b'.repeat(600)}`));
    expect(answer.status).toBe(414);
  });

  it('answers 431 with a problem document for headers over the limit and closes', async () => {
    const answer = await exchange(
      running.port,
      request('POST', tampere, { ...key, 'x-big': 'c'.repeat(3000) }, '{}'),
    );
    expect(answer).toMatchObject({ status: 431, closed: true });
    expect(JSON.parse(answer.body)).toMatchObject({ status: 431, title: 'Request header fields too large' });
  });

  it('answers 400 for a body that is not UTF-8', async () => {
    const body = Buffer.concat([
      Buffer.from('{"name":"'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}'),
    ]);
    const answer = await exchange(
      running.port,
      request('POST', tampere, { ...key, accept: 'application/problem+json' }, body),
    );
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).detail).toContain('not valid UTF-8');
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const socket = await open(running.port);
    const answer = readAnswer(socket);
    socket.write(request('POST', tampere, key, '{}'));
    expect((await answer).status).toBe(200);
    expect(await closedWithin(socket, 5000)).toBeLessThan(2000);
  });

  it('serves a normal request while 50 slow clients hang, then cuts the slow ones off in time', async () => {
    const slow: Socket[] = [];
    const dribble: NodeJS.Timeout[] = [];
    const started = performance.now();
    for (let i = 0; i < 50; i++) {
      const socket = await open(running.port);
      slow.push(socket);
      if (i % 2 === 0) {
        // slowloris: the headers, one byte at a time, never finished
        const text = request('POST', tampere, key).toString('latin1').slice(0, -2);
        let at = 0;
        dribble.push(
          setInterval(() => at < text.length && socket.writable && socket.write(text[at++] ?? ''), 20),
        );
      } else {
        // a body that never finishes
        socket.write(request('POST', tampere, { ...key, 'content-length': '100' }));
        socket.write('{"name":"');
      }
    }
    const answers = slow.map((socket) => readAnswer(socket, 10_000));
    const response = await fetch(running.url + tampere, { method: 'POST', headers: key, body: '{}' });
    expect(response.status).toBe(200);
    expect(slow.every((socket) => !socket.destroyed)).toBe(true);
    for (const answer of await Promise.all(answers)) {
      expect(answer.closed).toBe(true);
      expect([0, 408]).toContain(answer.status);
    }
    for (const timer of dribble) clearInterval(timer);
    // Cut off within the request timeout and one look of node:http's checker, with slack for a busy CI.
    expect(performance.now() - started).toBeLessThan(requestTimeoutMs + 2000);
    expect((await fetch(`${running.url}/__mock/health`)).status).toBe(200);
  });
});
