// Our own skeleton, not a library: 5 ms of start-up over `node -e 0` (cac 7, citty 8, commander 16); citty lets an
// unknown option pass, cac throws it with a stack, commander suggests but exits 1 and has no integer ranges.
import { ConfigError } from '../core/config-error.ts';
import { type OptionSpec, type OptionSpecs, type OptionValues, parseArgv, UsageError } from './parse-argv.ts';

/** The contract every sub-command fulfils: run with its own arguments, resolve to an exit code. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** The help text, built from the declaration. */
  help(): string;
  run(argv: string[], env?: Readonly<Record<string, string | undefined>>): Promise<number>;
}

/** What a command declares once: its words, its options with their help and defaults, and what it does. */
export interface CommandSpec<O extends OptionSpecs> {
  readonly name: string;
  readonly summary: string;
  /** The positional part of the usage line, e.g. `<file...|->`; no positionals are accepted without it. */
  readonly arguments?: string;
  /** Paragraphs printed under the usage line. */
  readonly description: string;
  readonly options: O;
  /** Lines printed after the options (exit codes, notes). */
  readonly footer?: string;
  run(input: { values: OptionValues<O>; positionals: string[] }): Promise<number>;
}

/** The CLI's name, as users type it. */
export const cliName = 'ocpi-location-kit';

/**
 * Builds a command from its declaration: `--help` and every usage mistake are handled here, the same way for
 * every command; a mistake becomes one `ConfigError` line (exit 2) that names the command and points at --help.
 */
export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): Command {
  const help = () => formatHelp(spec);
  return {
    name: spec.name,
    summary: spec.summary,
    help,
    async run(argv, env = process.env) {
      let parsed: ReturnType<typeof parseArgv<O>>;
      try {
        parsed = parseArgv(spec.options, argv, env);
        if (!parsed.help && spec.arguments === undefined && parsed.positionals.length > 0)
          throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
      } catch (error) {
        if (error instanceof UsageError) throw usageMistake(spec.name, error.message);
        throw error;
      }
      if (parsed.help) {
        process.stdout.write(`${help()}\n`);
        return 0;
      }
      try {
        return await spec.run({ values: parsed.values, positionals: parsed.positionals });
      } catch (error) {
        if (error instanceof UsageError) throw usageMistake(spec.name, error.message);
        throw error;
      }
    },
  };
}

/** A command's usage mistake in the one wording every command uses. */
export function usageMistake(command: string, message: string): ConfigError {
  return new ConfigError(`${command}: ${message} (see ${cliName} ${command} --help)`);
}

function formatHelp(spec: CommandSpec<OptionSpecs>): string {
  const usage = `Usage: ${cliName} ${spec.name}${spec.arguments ? ` ${spec.arguments}` : ''} [options]`;
  const rows = Object.entries(spec.options)
    .filter(([, option]) => !option.hidden)
    .map(([name, option]) => [flag(name, option), describe(option)] as const);
  rows.push(['-h, --help', 'this text']);
  const width = Math.min(30, Math.max(...rows.map(([left]) => left.length)) + 2);
  const lines = rows.map(([left, right]) =>
    left.length + 2 > width ? `  ${left}\n  ${' '.repeat(width)}${right}` : `  ${left.padEnd(width)}${right}`,
  );
  return [
    usage,
    '',
    spec.description,
    '',
    'Options:',
    ...lines,
    ...(spec.footer ? ['', spec.footer] : []),
  ].join('\n');
}

function flag(name: string, option: OptionSpec): string {
  const short = option.short ? `-${option.short}, ` : '';
  const placeholder =
    option.value ??
    (option.choices ? option.choices.join('|') : option.type === 'integer' ? 'N' : name.toUpperCase());
  const value = option.type === 'boolean' ? '' : ` ${placeholder}`;
  return `${short}--${name}${value}`;
}

function describe(option: OptionSpec): string {
  const notes: string[] = [];
  if (option.choices) notes.push(`one of ${option.choices.join(', ')}`);
  if (option.type === 'integer' && (option.min !== undefined || option.max !== undefined))
    notes.push(`${option.min ?? 0} to ${option.max ?? 'any'}`);
  if (option.default !== undefined && option.default !== false) notes.push(`default ${option.default}`);
  if (option.env) notes.push(`default $${option.env}`);
  if (option.multiple) notes.push('repeatable');
  return notes.length > 0 ? `${option.help} (${notes.join('; ')})` : option.help;
}
