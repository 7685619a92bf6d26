import { editDistance } from '../core/validation/suggest.ts';

/** One option as a command declares it: its help text and default live here, and nowhere else. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean' | 'integer';
  readonly help: string;
  /** The placeholder in the help, e.g. `URL`; the option's name in capitals by default. */
  readonly value?: string;
  readonly short?: string;
  /** Repeatable: every occurrence is kept, in order. */
  readonly multiple?: boolean;
  readonly choices?: readonly string[];
  readonly default?: string | number | boolean;
  /** An environment variable read when the option is not given. */
  readonly env?: string;
  readonly min?: number;
  readonly max?: number;
  /** Left out of `--help` (still accepted). */
  readonly hidden?: boolean;
}

/** The options a command declares, by their long name without the dashes. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S extends { type: 'boolean' }
  ? boolean
  : S extends { multiple: true }
    ? S extends { type: 'integer' }
      ? number[]
      : S extends { choices: readonly (infer C)[] }
        ? C[]
        : string[]
    : S extends { type: 'integer' }
      ? S extends { default: number }
        ? number
        : number | undefined
      : S extends { choices: readonly (infer C)[] }
        ? S extends { default: string }
          ? C
          : C | undefined
        : S extends { default: string }
          ? string
          : string | undefined;

/** The parsed values of a command's options, typed from its declaration. */
export type OptionValues<O extends OptionSpecs> = { -readonly [K in keyof O]: ValueOf<O[K]> };

/** A parsed command line: the options' values (defaults applied) and the positional arguments. */
export interface ParsedArgv<O extends OptionSpecs> {
  readonly values: OptionValues<O>;
  readonly positionals: string[];
  readonly help: boolean;
}

/** A mistake on the command line, worded the same way for every command. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The closest name to a misspelt one, when it is a plausible typo. */
export function didYouMean(input: string, names: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    // Two edits for names of four letters or more, so a swapped pair (`--prot`) still finds `--port`.
    const shortest = Math.min(name.length, input.length);
    const limit = shortest <= 3 ? 1 : Math.max(2, Math.floor(shortest / 3));
    const distance = editDistance(input, name, limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/**
 * Parses `--name value`, `--name=value`, `-x value`, `--` and `-` (stdin) against the declared options. Every
 * mistake is one `UsageError`: an unknown option (with "did you mean"), a missing value, a value where none is
 * taken, a choice or a number out of range.
 */
export function parseArgv<O extends OptionSpecs>(
  options: O,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): ParsedArgv<O> {
  const raw = new Map<string, string[]>();
  const positionals: string[] = [];
  let help = false;
  const byShort = new Map(
    Object.entries(options).flatMap(([name, spec]) => (spec.short ? [[spec.short, name] as const] : [])),
  );
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const long = arg.startsWith('--');
    const eq = long ? arg.indexOf('=') : -1;
    const given = eq < 0 ? arg : arg.slice(0, eq);
    const name = long ? given.slice(2) : byShort.get(given.slice(1));
    const spec = name === undefined ? undefined : options[name];
    if (name === undefined || spec === undefined) {
      const guess = long ? didYouMean(given.slice(2), [...Object.keys(options), 'help']) : undefined;
      throw new UsageError(`unknown option ${given}${guess ? `; did you mean --${guess}?` : ''}`);
    }
    let value: string;
    if (spec.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
      value = 'true';
    } else if (eq >= 0) {
      value = arg.slice(eq + 1);
    } else {
      const next = argv[index + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-' && !/^-\d/.test(next)))
        throw new UsageError(`option --${name} needs a value${spec.value ? ` (${spec.value})` : ''}`);
      value = next;
      index++;
    }
    const list = raw.get(name) ?? [];
    if (list.length > 0 && !spec.multiple && spec.type !== 'boolean')
      throw new UsageError(`option --${name} is given twice; it takes one value`);
    list.push(value);
    raw.set(name, list);
  }
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(options)) {
    const fromEnv = spec.env ? env[spec.env] : undefined;
    const texts = raw.get(name) ?? (fromEnv !== undefined && fromEnv !== '' ? [fromEnv] : undefined);
    if (spec.type === 'boolean') {
      values[name] = texts !== undefined ? texts[0] !== 'false' && texts[0] !== '0' : spec.default === true;
      continue;
    }
    const converted = texts?.map((text) => convert(name, spec, text));
    values[name] = spec.multiple ? (converted ?? []) : (converted?.[0] ?? spec.default);
  }
  return { values: values as OptionValues<O>, positionals, help };
}

function convert(name: string, spec: OptionSpec, text: string): string | number {
  if (spec.choices && !spec.choices.includes(text)) {
    const guess = didYouMean(text, spec.choices);
    throw new UsageError(
      `--${name} must be one of ${spec.choices.join(', ')}; got "${text}"${guess ? ` (did you mean ${guess}?)` : ''}`,
    );
  }
  if (spec.type !== 'integer') return text;
  const min = spec.min ?? 0;
  const max = spec.max ?? Number.MAX_SAFE_INTEGER;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}; got "${text}"`);
  return value;
}
