/** What a scan of valid JSON text found that `JSON.parse` lets through silently. */
export interface GuardFinding {
  readonly code: 'max-depth' | 'duplicate-key' | 'control-character';
  /** Offset in the text of the bracket, key or string concerned. */
  readonly offset: number;
  /** JSON pointer to the value concerned, as far as the scan knows it. */
  readonly instancePath: string;
  readonly message: string;
}

interface Level {
  readonly array: boolean;
  keys: Set<string> | undefined;
  /** The current key of an object, or the current index of an array. */
  at: string;
  index: number;
}

// C0 controls that are never text in a location; tab, line feed and carriage return are.
const controlEscape = /\\u00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F])/;

/**
 * Scans JSON text that `JSON.parse` accepted, in one pass and without recursion (a 100k-deep body costs no
 * stack): nesting deeper than `maxDepth`, a key repeated in one object (RFC 8259 section 4 leaves the outcome
 * to each parser: JSON.parse keeps the last, others the first or fail, so the mock refuses to guess), and C0
 * control characters escaped inside strings (`\u0000`; raw ones are already a syntax error).
 */
export function guardJson(
  text: string,
  maxDepth = Number.POSITIVE_INFINITY,
  parsed?: unknown,
): GuardFinding | undefined {
  if (parsed !== undefined && provedClean(text, maxDepth, parsed)) return undefined;
  const stack: Level[] = [];
  const n = text.length;
  let i = 0;
  // The next backslash in the text, found once and reused: searching per string would be quadratic.
  let slash = -2;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = stringEnd(text, i);
      if (slash !== -1 && slash < i) slash = text.indexOf('\\', i + 1);
      const escaped = slash !== -1 && slash < end;
      let k = end + 1;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      const top = stack[stack.length - 1];
      const isKey = text.charCodeAt(k) === 0x3a && top !== undefined && !top.array;
      const name = isKey
        ? escaped
          ? (JSON.parse(text.slice(i, end + 1)) as string)
          : text.slice(i + 1, end)
        : '';
      if (isKey && top) {
        top.at = name;
        top.keys ??= new Set();
        if (top.keys.has(name)) {
          return {
            code: 'duplicate-key',
            offset: i,
            instancePath: pointerOf(stack),
            message: `the key ${JSON.stringify(name)} appears twice in one object; send each key once`,
          };
        }
        top.keys.add(name);
      }
      if (escaped) {
        const match = controlEscape.exec(text.slice(i, end + 1));
        if (match) {
          const where = isKey ? stack.slice(0, -1) : stack;
          return {
            code: 'control-character',
            offset: i,
            instancePath: pointerOf(where),
            message: `a string holds the control character U+${match[0].slice(2).toUpperCase()} (${match[0]}); location text must be printable`,
          };
        }
      }
      i = end + 1;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      if (stack.length >= maxDepth) {
        return {
          code: 'max-depth',
          offset: i,
          instancePath: pointerOf(stack),
          message: `the body nests deeper than ${maxDepth} levels of objects and arrays; a location needs far fewer`,
        };
      }
      stack.push({ array: c === 0x5b, keys: undefined, at: '0', index: 0 });
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.array) top.at = String(++top.index);
    }
    i++;
  }
  return undefined;
}

/**
 * The hot path for ordinary bodies: with no backslash in the text there is no escape to inspect and every quote
 * opens or closes a string, so the keys written are the closing quotes followed by a colon, found with native
 * `indexOf` jumps. When they are as many as the parsed value holds, none was repeated (JSON.parse keeps one of
 * each); the depth is read off the parsed value. Anything it cannot prove clean goes to the full scan, which
 * finds and names the problem.
 */
function provedClean(text: string, maxDepth: number, parsed: unknown): boolean {
  if (text.indexOf('\\') !== -1) return false;
  const n = text.length;
  let keys = 0;
  for (let open = text.indexOf('"'); open !== -1; ) {
    let k = text.indexOf('"', open + 1) + 1;
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) === 0x3a) keys++;
    open = text.indexOf('"', k);
  }
  return keys === countKeys(parsed, maxDepth);
}

/** The number of object members in a parsed value, or -1 past `maxDepth`; no recursion, whatever the depth. */
function countKeys(value: unknown, maxDepth: number): number {
  let count = 0;
  const values: unknown[] = [value];
  const depths: number[] = [1];
  while (values.length > 0) {
    const next = values.pop() as object;
    const depth = depths.pop() as number;
    if (typeof next !== 'object' || next === null) continue;
    if (depth > maxDepth) return -1;
    if (Array.isArray(next)) {
      for (let i = 0; i < next.length; i++) {
        const item: unknown = next[i];
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    for (const key in next) {
      if (!Object.hasOwn(next, key)) continue;
      count++;
      const item = (next as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) {
        values.push(item);
        depths.push(depth + 1);
      }
    }
  }
  return count;
}

/** The offset of the quote that closes the string opening at `start` (the text is known to be valid JSON). */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return text.length - 1;
    let before = quote - 1;
    while (text.charCodeAt(before) === 0x5c) before--;
    if ((quote - 1 - before) % 2 === 0) return quote;
    from = quote + 1;
  }
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function pointerOf(stack: readonly Level[]): string {
  let pointer = '';
  for (const level of stack) {
    if (!level.array && level.keys === undefined) break;
    pointer += `/${level.at.replaceAll('~', '~0').replaceAll('/', '~1')}`;
  }
  return pointer;
}
