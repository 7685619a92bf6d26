import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A `ocpi-location-kit mock` process, with everything it printed so far. */
export interface MockProcess {
  readonly child: ChildProcess;
  readonly url: string;
  stdout(): string;
  stderr(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the real CLI on a free port and waits for its banner (`--log-format json` prints the url); `bin` is
 * the checkout's build unless a test runs an installed copy.
 */
export async function startMockCli(
  args: string[],
  timeoutMs = 20_000,
  bin = join(root, 'dist/src/cli/main.js'),
): Promise<MockProcess> {
  const child = spawn(process.execPath, [bin, 'mock', '--port', '0', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const found = () => /(?:"url":"|listening on )(http:\/\/[^"\s]+)/.exec(out)?.[1];
  const deadline = Date.now() + timeoutMs;
  while (!found() && child.exitCode === null && Date.now() < deadline) {
    await Promise.race([once(child.stdout ?? child, 'data'), once(child, 'exit')]);
  }
  const url = found();
  if (!url) {
    child.kill('SIGKILL');
    throw new Error(`the mock did not start: ${out}${err}`);
  }
  return {
    child,
    url,
    stdout: () => out,
    stderr: () => err,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      return code as number | null;
    },
  };
}

/** What a finished run of the CLI printed, and how it exited. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `ocpi-location-kit` command as a user would, from `cwd` (the project root); killed after 20 s. */
export function runCli(
  args: string[],
  stdin = '',
  cwd = root,
  bin = join(root, 'dist/src/cli/main.js'),
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, OCPI_KIT_DEBUG: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', fail);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
    child.stdin.end(stdin);
  });
}

/** Runs `ocpi-location-kit mock` expecting it to fail at start-up; resolves with its exit code and output. */
export function runMockCli(args: string[]): Promise<CliRun> {
  return runCli(['mock', ...args]);
}

/** A long-running command (the mock, the checker) started as a user would, with what it printed so far. */
export interface RunningCommand {
  readonly output: () => string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the real CLI with `args` and `env` over the inherited environment (`undefined` removes a variable), its
 * stdout and stderr piped, and resolves once its output matches `ready`.
 */
export async function startCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs = 20_000,
): Promise<RunningCommand> {
  const child = spawn(process.execPath, [join(root, 'dist/src/cli/main.js'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const collect = (chunk: Buffer) => {
    out += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const deadline = Date.now() + timeoutMs;
  while (!ready.test(out) && child.exitCode === null && Date.now() < deadline) {
    await Promise.race([once(child.stdout ?? child, 'data'), once(child, 'exit'), delay(100)]);
  }
  if (!ready.test(out)) {
    child.kill('SIGKILL');
    throw new Error(`ocpi-location-kit ${args.join(' ')} did not get ready: ${out}`);
  }
  return {
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      return code as number | null;
    },
  };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
