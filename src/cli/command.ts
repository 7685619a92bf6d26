/** The contract every sub-command module fulfils: run with its own arguments, resolve to an exit code. */
export interface Command {
  readonly summary: string;
  run(argv: string[]): Promise<number>;
}
