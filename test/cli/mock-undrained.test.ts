import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/bench/servers.ts';
import { demo } from '../support/demo.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
let child: ChildProcess | undefined;
afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
});

/** The mock as a harness that never reads its stdout starts it; stderr is read. */
async function startUnread(): Promise<{ url: string; port: number; stderr: () => string }> {
  const port = await freePort();
  child = spawn(process.execPath, ['dist/src/cli/main.js', 'mock', '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pause();
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 400; i++) {
    if ((await fetch(`${url}/__mock/health`).catch(() => undefined))?.ok)
      return { url, port, stderr: () => err };
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`the mock did not start: ${err}`);
}

const exitOf = async (process: ChildProcess) => {
  const started = performance.now();
  const [code] = await once(process, 'exit');
  return { code: code as number | null, ms: performance.now() - started };
};

describe('the mock with a stdout nobody reads', () => {
  it('drops log lines, counts them in /__mock/health, and ends on SIGTERM within seconds', async () => {
    const { url, stderr } = await startUnread();
    const result = await autocannon({
      url: `${url}/integrations/int-tampere-roaming/locations`,
      method: 'POST',
      headers: { 'x-api-key': demo.apiKey, 'content-type': 'application/json' },
      body: '{"name":"Hatanpää"}',
      connections: 10,
      amount: 25_000,
    });
    expect([result.errors, result.timeouts, result.non2xx]).toEqual([0, 0, 0]);
    const health = await (await fetch(`${url}/__mock/health`)).json();
    expect(health.output.stdout.lines).toBeGreaterThan(1000);
    const exit = exitOf(child as ChildProcess);
    child?.kill('SIGTERM');
    const { code, ms } = await exit;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5000);
    expect(stderr()).toMatch(/\d+ log lines \(\d+ bytes\) and 0 error lines were dropped/);
  }, 60_000);

  it('ends at once on a second signal while the first waits for a request in flight', async () => {
    const { port } = await startUnread();
    // A request whose body never comes: the first SIGTERM waits the grace period for it.
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    await once(socket, 'connect');
    socket.write(
      `POST /integrations/int-tampere-roaming/locations HTTP/1.1\r\nhost: x\r\nx-api-key: ${demo.apiKey}\r\ncontent-length: 10\r\n\r\n{`,
    );
    await new Promise((done) => setTimeout(done, 200));
    const exit = exitOf(child as ChildProcess);
    child?.kill('SIGTERM');
    await new Promise((done) => setTimeout(done, 500));
    expect(child?.exitCode).toBeNull();
    child?.kill('SIGTERM');
    const { code, ms } = await exit;
    socket.destroy();
    expect(code).toBe(143);
    expect(ms).toBeLessThan(1500);
  }, 30_000);
});
