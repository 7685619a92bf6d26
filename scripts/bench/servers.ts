import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultHost } from '../../src/core/defaults.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The servers the benchmark compares. */
export type ServerKind = 'bare' | 'mock' | 'prism';

/** A server process under test. */
export interface RunningServer {
  readonly kind: ServerKind;
  readonly url: string;
  readonly pid: number;
  /** Milliseconds from spawn to the first 200 answer. */
  readonly startupMs: number;
  stop(): Promise<void>;
}

/** What every server gets asked: the same route, credentials and body. */
export const integrationPath = '/integrations/int-tampere-roaming/locations';
export const headers = { 'content-type': 'application/json', 'x-api-key': 'demo-api-key' };

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, defaultHost, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

function command(kind: ServerKind, port: number): [string, string[]] {
  switch (kind) {
    case 'bare':
      return [process.execPath, [resolve(root, 'scripts/bench/bare-server.mjs'), String(port)]];
    case 'mock':
      return [
        process.execPath,
        [resolve(root, 'dist/src/cli/main.js'), 'mock', '--port', String(port), '--host', defaultHost],
      ];
    case 'prism':
      // -m: Prism's fastest mode (the HTTP server in its own process); static examples, no dynamic generation.
      return [
        resolve(root, 'node_modules/.bin/prism'),
        ['mock', '-m', '-h', defaultHost, '-p', String(port), resolve(root, 'openapi.yaml')],
      ];
  }
}

/** Starts a server and waits for its first 200 to a valid request (at most `timeoutMs`). */
export async function startServer(
  kind: ServerKind,
  body: string,
  timeoutMs = 30_000,
): Promise<RunningServer> {
  const port = await freePort();
  const [file, args] = command(kind, port);
  const started = performance.now();
  const child = spawn(file, args, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const url = `http://${defaultHost}:${port}`;
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`${kind} exited with ${child.exitCode}: ${stderr.trim()}`);
    try {
      const response = await fetch(url + integrationPath, { method: 'POST', headers, body });
      await response.arrayBuffer();
      if (response.status === 200) {
        const startupMs = performance.now() - started;
        return { kind, url, pid: child.pid ?? 0, startupMs, stop: () => stopChild(child) };
      }
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 5));
  }
  await stopChild(child);
  throw new Error(`${kind} did not answer 200 within ${timeoutMs} ms: ${stderr.trim()}`);
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the child has exited. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Resident memory of a process in MiB: `VmRSS` now and `VmHWM` (the peak), read from /proc. */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const read = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rssMiB: read('VmRSS'), peakMiB: read('VmHWM') };
}

/** CPU time (user + system) of a process and its children so far, in ms, read from /proc (100 ticks a second). */
export function treeCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // After the command name: state is field 3, utime field 14 and stime field 15 (proc(5)).
  let ms = (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10;
  for (const child of childrenOf(pid)) ms += treeCpuMs(Number(child));
  return ms;
}

function childrenOf(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
}

/** Sum of the memory of a process and its children (Prism -m forks a worker). */
export function treeMemory(pid: number): { rssMiB: number; peakMiB: number } {
  const total = memoryOf(pid);
  for (const child of childrenOf(pid)) {
    const sub = treeMemory(Number(child));
    total.rssMiB += sub.rssMiB;
    total.peakMiB += sub.peakMiB;
  }
  return total;
}
