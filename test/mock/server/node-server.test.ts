import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, serveMock } from '../../../mock/server/node-server.ts';
import { demo } from '../../support/demo.ts';
import { tampere } from '../helpers.ts';

const headers = { 'x-api-key': demo.apiKey, 'content-type': 'application/json' };

describe('serveMock', () => {
  let running: RunningMock;
  beforeAll(async () => {
    running = await serveMock({ port: 0, host: '127.0.0.1', seed: 11 });
  });
  afterAll(() => running?.close());

  it('answers on a real port picked by the system', async () => {
    expect(running.port).toBeGreaterThan(0);
    const response = await fetch(running.url + tampere, { method: 'POST', headers, body: '{}' });
    expect(response.status).toBe(200);
    expect((await response.json()).id).toMatch(/^Loc-/);
  });

  it('finishes a request in flight before it closes', async () => {
    const other = await serveMock({ port: 0 });
    const slow = fetch(other.url + tampere, {
      method: 'POST',
      headers: { ...headers, prefer: 'delay=600' },
      body: '{}',
    });
    // Long enough for the request to arrive on a busy machine: one still being sent is not yet in flight.
    await new Promise((done) => setTimeout(done, 150));
    const closed = other.close();
    expect((await slow).status).toBe(200);
    await closed;
    await expect(fetch(`${other.url}/__mock/health`)).rejects.toThrow();
  });
});

describe('ocpi-location-kit mock', () => {
  let child: ChildProcess;
  let output = '';
  const url = () => /"url":"(http:\/\/[^"]+)"/.exec(output)?.[1];

  beforeAll(async () => {
    const bin = resolve(import.meta.dirname, '../../../dist/src/cli/main.js');
    child = spawn(
      process.execPath,
      [
        bin,
        'mock',
        '--port',
        '0',
        '--seed',
        '7',
        '--api-key',
        'ci-key',
        '--integration',
        'int-ci',
        '--integration',
        'int-ci-2',
        '--log-format',
        'json',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const deadline = Date.now() + 15_000;
    while (!url() && Date.now() < deadline && child.exitCode === null)
      await new Promise((d) => setTimeout(d, 20));
    if (!url()) throw new Error(`the mock did not start: ${output}`);
  });
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('lets --api-key and --integration join the demo customer', async () => {
    for (const integration of ['int-ci', 'int-ci-2', 'int-tampere-roaming']) {
      const response = await fetch(`${url()}/integrations/${integration}/locations`, {
        method: 'POST',
        headers: { 'x-api-key': 'ci-key', 'content-type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(200);
    }
  });

  it('logs one JSON line per request without credentials', async () => {
    await fetch(`${url()}${tampere}?code=demo-function-code&clientId=tampereen-lataus`, {
      method: 'POST',
      body: '{}',
    });
    await new Promise((d) => setTimeout(d, 50));
    const lines = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.at(-1)).toMatchObject({ method: 'POST', path: tampere, status: 400 });
    expect(output).not.toContain('demo-function-code');
  });

  it('exits 0 on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('exits 2 with one line for a bad option', async () => {
    const bin = resolve(import.meta.dirname, '../../../dist/src/cli/main.js');
    const bad = spawn(process.execPath, [bin, 'mock', '--log-format', 'xml'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    bad.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = await once(bad, 'exit');
    expect(code).toBe(2);
    expect(stderr).toBe(
      'ocpi-location-kit: mock: --log-format must be one of pretty, json; got "xml" (see ocpi-location-kit mock --help)\n',
    );
  });
});
