import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, serveMock } from '../../../mock/server/node-server.ts';
import { demo } from '../../support/demo.ts';
import { tampere } from '../helpers.ts';
import { exchange, open, readAnswer, request } from './wire.ts';

const key = { 'x-api-key': demo.apiKey, 'content-type': 'application/json' };
const problem = { ...key, accept: 'application/problem+json' };

describe('protocol edges over a raw socket', () => {
  let running: RunningMock;
  beforeAll(async () => {
    running = await serveMock({ port: 0 });
  });
  afterAll(() => running?.close());

  const send = (bytes: string | Buffer) => exchange(running.port, bytes);
  const stillServes = async () => expect((await send(request('POST', tampere, key, '{}'))).status).toBe(200);

  it('reads a chunked body', async () => {
    const body = '{"name":"Hatanpää"}';
    const size = Buffer.byteLength(body).toString(16);
    const answer = await send(
      Buffer.concat([
        request('POST', tampere, { ...key, 'transfer-encoding': 'chunked' }),
        Buffer.from(`${size}\r\n${body}\r\n0\r\n\r\n`),
      ]),
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).id).toMatch(/^Loc-/);
  });

  it('answers 400 and closes for a broken chunk size, and keeps serving', async () => {
    const answer = await send(
      Buffer.concat([
        request('POST', tampere, { ...key, 'transfer-encoding': 'chunked' }),
        Buffer.from('zz\r\n{}\r\n'),
      ]),
    );
    expect(answer).toMatchObject({ status: 400, closed: true });
    await stillServes();
  });

  it('answers both of two pipelined requests, in order', async () => {
    const socket = await open(running.port);
    const first = readAnswer(socket);
    socket.write(Buffer.concat([request('POST', tampere, key, '{}'), request('GET', '/__mock/health')]));
    expect((await first).status).toBe(200);
    const second = await readAnswer(socket);
    expect(JSON.parse(second.body).status).toBe('ok');
    socket.destroy();
  });

  it.each(['TRACE', 'PUT', 'DELETE', 'PATCH'])(
    'answers 405 with Allow for %s on the operation',
    async (method) => {
      const answer = await send(request(method, tampere, key, '{}'));
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe('POST');
    },
  );

  it('answers 405 with no body for HEAD on the operation', async () => {
    const socket = await open(running.port);
    const answer = new Promise<string>((done) =>
      socket.once('data', (chunk: Buffer) => done(chunk.toString())),
    );
    socket.write(request('HEAD', tampere, key));
    const head = await answer;
    socket.destroy();
    expect(head).toMatch(/^HTTP\/1\.1 405 /);
    expect(head.endsWith('\r\n\r\n')).toBe(true);
  });

  it('answers an OPTIONS preflight with CORS, and 405 to an OPTIONS without Origin', async () => {
    const preflight = await send(
      request('OPTIONS', tampere, {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBeDefined();
    expect((await send(request('OPTIONS', tampere, key))).status).toBe(405);
  });

  it.each([
    ['an unknown method', request('BREW', tampere, key, '{}')],
    ['TLS bytes', Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03])],
    ['a line of text', 'hello, is this the mock?\r\n\r\n'],
    ['a space in the target', `POST /integrations/a b/locations HTTP/1.1\r\nhost: x\r\n\r\n`],
    ['a header without a colon', `POST ${tampere} HTTP/1.1\r\nhost: x\r\nnonsense\r\n\r\n`],
    [
      'two Content-Length values',
      `POST ${tampere} HTTP/1.1\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\n{}`,
    ],
  ])('answers 400 with a problem document and closes for %s, and keeps serving', async (_, bytes) => {
    const answer = await send(bytes);
    expect(answer).toMatchObject({ status: 400, closed: true });
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(answer.body).detail).toMatch(/^The request is not valid HTTP\/1\.1 \(HPE_/);
    await stillServes();
  });

  it.each([
    ['encoded traversal', '..%2F..%2Fetc%2Fpasswd'],
    ['an encoded NUL', '%00'],
    ['malformed percent-encoding', '%E0%A4%A'],
    ['an encoded newline and escape', '%0D%0A%1B%5B31m'],
    ['a 6 KiB id', 'x'.repeat(6 * 1024)],
  ])('answers 404 Customer not found for %s as the integration id', async (_, id) => {
    const answer = await send(request('POST', `/integrations/${id}/locations`, problem, '{}'));
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toMatchObject({ title: 'Customer not found' });
  });

  it('answers the no-such-route 404 for a literal traversal, which changes the route', async () => {
    const answer = await send(request('POST', '/integrations/../../etc/passwd/locations', key, '{}'));
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body).title).toBe('No such route');
  });

  it('answers 400 for a repeated excludeChargers, even with the same value', async () => {
    for (const query of [
      'excludeChargers=true&excludeChargers=false',
      'excludeChargers=true&excludeChargers=true',
    ]) {
      const answer = await send(request('POST', `${tampere}?${query}`, problem, '{}'));
      expect(answer.status, query).toBe(400);
      expect(JSON.parse(answer.body).issues[0]).toMatchObject({
        code: 'duplicate-parameter',
        instancePath: '/excludeChargers',
      });
    }
  });

  it('answers 400 for a body cut short by a half-close, and keeps serving', async () => {
    const socket = await open(running.port);
    const answer = readAnswer(socket);
    socket.write(request('POST', tampere, { ...key, 'content-length': '50' }));
    socket.end('{"name":');
    expect((await answer).status).toBe(400);
    await stillServes();
  });
});
