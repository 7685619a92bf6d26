/** A mistake in how the command was called: printed as one line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The contract every sub-command module fulfils: run with its own arguments, resolve to an exit code. */
export interface Command {
  readonly summary: string;
  run(argv: string[]): Promise<number>;
}
