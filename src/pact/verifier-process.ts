// The verifier's own process: the native verifier prints its report (with colour codes) straight to this
// process's stdout and pact-core logs there too, neither of which a Node program can hold back in-process. Run
// here, with stdout captured by run-verifier.ts, the command decides what reaches the user.
import type { VerifierOptions } from '@pact-foundation/pact-core';
import { loadPactCore } from './load-pact-core.ts';

/** What the parent sends: the options for pact-core, and pact-core's log level. */
export interface VerifierRequest {
  readonly options: VerifierOptions;
  readonly logLevel: 'error' | 'warn' | 'info' | 'debug' | 'trace';
}

/** What the child answers: pact-core's report (or the reason it gave none) and whether it resolved. */
export interface VerifierAnswer {
  readonly passed: boolean;
  readonly text: string;
}

process.once('message', async (request: VerifierRequest) => {
  let answer: VerifierAnswer;
  try {
    const { default: pactCore } = await loadPactCore();
    // pact-core's own logger ("Verifying Pacts", ...) follows this, not the option, which sets the native one.
    pactCore.default.logLevel(request.logLevel);
    answer = { passed: true, text: await pactCore.default.verifyPacts(request.options) };
  } catch (error) {
    answer = { passed: false, text: error instanceof Error ? error.message : String(error) };
  }
  // Exit at once: the native library may keep handles open that would hold the process.
  process.send?.(answer, () => process.exit(0));
});
