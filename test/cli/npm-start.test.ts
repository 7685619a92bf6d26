import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// `npm start` as a developer or a harness runs it: npm, then `sh -c` for the script, then the mock. A signal to
// npm must end the mock too (the script execs node, so npm's forwarded signal reaches the mock, not a shell that
// dies and leaves the mock serving with no parent).
const root = fileURLToPath(new URL('../../', import.meta.url));
const started: ChildProcess[] = [];

afterEach(() => {
  // npm runs in a process group of its own: whatever a failed test left of it (npm, sh, the mock) ends here.
  for (const child of started.splice(0)) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group is gone already.
    }
  }
});

/** `npm start` on a free port (`--port 0`), once the mock's banner names its url. */
async function npmStart(): Promise<{ npm: ChildProcess; port: number; output: () => string }> {
  const npm = spawn('npm', ['start', '--', '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  started.push(npm);
  let out = '';
  npm.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  npm.stderr?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const url = () => /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
  while (!url() && npm.exitCode === null) {
    await Promise.race([once(npm.stdout ?? npm, 'data'), once(npm, 'exit')]);
  }
  const port = Number(url());
  if (!port) throw new Error(`npm start did not serve the mock:\n${out}`);
  return { npm, port, output: () => out };
}

/** Whether something accepts connections on the loopback port. */
function answers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

describe('npm start', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'frees its port within 5 s of %s to the npm process',
    async (signal) => {
      const { npm, port, output } = await npmStart();
      expect(await answers(port)).toBe(true);
      // 'close' comes after the last output of npm and the mock (they share the pipes); 'exit' may come first.
      const exited = once(npm, 'close');
      npm.kill(signal);
      const deadline = Date.now() + 5000;
      while ((await answers(port)) && Date.now() < deadline) await sleep(50);
      expect(await answers(port), `port ${port} still answers 5 s after ${signal}:\n${output()}`).toBe(false);
      // The mock said why it ended (so npm's signal reached it, not only the shell), and npm ended with it.
      const ended = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      expect(ended, `npm still runs 5 s after ${signal}`).toBe(true);
      expect(output()).toContain(`${signal}: closing the mock`);
    },
    120_000,
  );
});
