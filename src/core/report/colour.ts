/**
 * Whether output to a stream gets colour: `FORCE_COLOR` (any value but `0` or `false`) turns it on, `NO_COLOR`
 * (any non-empty value, no-color.org) turns it off, and otherwise only a terminal gets it.
 */
export function shouldColour(
  isTTY: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY === true;
}

/** Wraps text in an SGR colour code when `on`. */
export function paint(on: boolean, code: number, text: string): string {
  return on ? `\x1b[${code}m${text}\x1b[0m` : text;
}
