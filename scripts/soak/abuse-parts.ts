import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultHost } from '../../src/core/defaults.ts';
import { adminPaths } from '../../src/generated/admin-facts.ts';
import { freePort, headers, integrationPath } from '../bench/servers.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** One line of the abuse report. */
export interface Verdict {
  readonly name: string;
  readonly pass: boolean;
  readonly figure: string;
}

/** A mock started as a harness would: the real CLI, stdout piped and, unless `readStdout`, never read. */
export interface MockChild {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  stderr(): string;
  /** SIGTERM, then the exit code and how long the exit took. */
  stop(): Promise<{ code: number | null; ms: number }>;
}

/** Starts `ocpi-location-kit mock` on a free port and waits until `/__mock/health` answers. */
export async function startMockChild(readStdout: boolean, args: string[] = []): Promise<MockChild> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [resolve(root, 'dist/src/cli/main.js'), 'mock', '--port', String(port), ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (readStdout) child.stdout?.resume();
  else child.stdout?.pause();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://${defaultHost}:${port}`;
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    const answer = await fetch(`${url}${adminPaths.getHealth}`).catch(() => undefined);
    if (answer?.ok) {
      const stop = async () => {
        if (child.exitCode !== null) return { code: child.exitCode, ms: 0 };
        const started = performance.now();
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        const [code] = await exited;
        clearTimeout(timer);
        return { code: code as number | null, ms: performance.now() - started };
      };
      return { url, port, child, stderr: () => stderr, stop };
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`the mock did not start: ${stderr}`);
}

/** `GET /__mock/health` of a running mock. */
export async function healthOf(url: string): Promise<{
  rssBytes: number;
  store: { evicted: number; bytes: number; items: number };
  journal: { evicted: number; bytes: number };
  output: { stdout: { lines: number; queuedBytes: number } };
}> {
  return (await fetch(`${url}${adminPaths.getHealth}`)).json() as never;
}

/** Resident memory of a process, in MiB, from /proc. */
export function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

/** The kernel's count of listen-queue overflows (`TcpExt: ListenOverflows`), machine-wide. */
export function listenOverflows(): number {
  const [names = '', values = ''] = readFileSync('/proc/net/netstat', 'utf8').split('\n');
  const index = names.split(' ').indexOf('ListenOverflows');
  return index < 0 ? 0 : Number(values.split(' ')[index]);
}

/** Times one small valid POST to the operation, in ms, with its status. */
export async function timedPost(url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const answer = await fetch(url + integrationPath, { method: 'POST', headers, body: '{"name":"probe"}' });
  await answer.arrayBuffer();
  return { status: answer.status, ms: performance.now() - started };
}

/** Times one GET, in ms, with its status, size and parsed body. */
export async function timedGet(
  url: string,
): Promise<{ status: number; ms: number; bytes: number; body: unknown }> {
  const started = performance.now();
  const answer = await fetch(url);
  const text = await answer.text();
  const ms = performance.now() - started;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: answer.status, ms, bytes: text.length, body };
}

/** Formats a number of MiB. */
export const mib = (value: number): string => `${value.toFixed(1)} MiB`;
