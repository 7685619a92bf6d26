import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { CorpusCase } from './corpus.ts';

const root = resolve(import.meta.dirname, '../..');

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** A Prism process from node_modules/.bin on a free port. */
export interface PrismProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts `prism <args> openapi.yaml` on a free port and waits until it listens (at most 30 s). */
export async function startPrism(args: string[]): Promise<PrismProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    resolve(root, 'node_modules/.bin/prism'),
    [
      ...args.slice(0, 1),
      resolve(root, 'openapi.yaml'),
      ...args.slice(1),
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 30_000;
  while (!log.includes('Prism is listening')) {
    if (child.exitCode !== null)
      throw new Error(`prism ${args.join(' ')} exited with ${child.exitCode}: ${log}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prism ${args.join(' ')} did not start in 30 s: ${log}`);
    }
    await new Promise((d) => setTimeout(d, 50));
  }
  return { url: `http://127.0.0.1:${port}`, stop };
}

/** Sends one corpus request to a base URL. */
export function send(base: string, c: CorpusCase): Promise<Response> {
  return fetch(base + c.path, {
    method: c.method ?? 'POST',
    headers: c.headers,
    ...(c.body === undefined ? {} : { body: c.body }),
  });
}

/** The violations Prism reports about the response (not the request) in its `sl-violations` header. */
export function responseViolations(response: Response): unknown[] {
  const header = response.headers.get('sl-violations');
  if (!header) return [];
  const all = JSON.parse(header) as { location?: string[] }[];
  return all.filter((v) => v.location?.[0] === 'response');
}
