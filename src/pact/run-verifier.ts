import { fork } from 'node:child_process';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VerifierAnswer, VerifierRequest } from './verifier-process.ts';

/** The verifier's answer, with everything its process wrote (the native report and any log lines). */
export interface VerifierRun extends VerifierAnswer {
  readonly printed: string;
}

const here = fileURLToPath(import.meta.url);
// From the sources (tests, tsx) the child is TypeScript too and needs tsx's loader; from dist/ it is plain ESM.
const ext = extname(here);
const childModule = join(dirname(here), `verifier-process${ext}`);
const execArgv = ext === '.ts' ? ['--import', 'tsx'] : [];

/** Runs pact-core's verifier in a child process (verifier-process.ts) and collects what it printed. */
export function runVerifier(request: VerifierRequest): Promise<VerifierRun> {
  return new Promise((resolve, reject) => {
    const child = fork(childModule, [], { execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const printed: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => printed.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => printed.push(chunk));
    let answer: VerifierAnswer | undefined;
    child.on('message', (message: VerifierAnswer) => {
      answer = message;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const text = Buffer.concat(printed).toString('utf8');
      if (answer) resolve({ ...answer, printed: text });
      else
        resolve({
          passed: false,
          text: `the verifier stopped without a report (${signal ?? `exit ${code}`})`,
          printed: text,
        });
    });
    child.send(request);
  });
}
