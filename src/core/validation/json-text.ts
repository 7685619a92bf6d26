// The one scanner of JSON text (RFC 8259) in the code base: it finds where a text stops being JSON, where a
// value sits, and (json-guard.ts) what JSON.parse lets through silently. Iterative, so a 100k-deep body costs
// no stack.

/** What a scan reports as it goes; a hook that returns true stops the scan there. */
export interface ScanHooks {
  /** A value starts at `offset`; `path` holds its pointer tokens (a live array: copy it to keep it). */
  value?(path: readonly string[], offset: number): boolean | undefined;
  /** An object or array opens at `offset`, `depth` containers deep counting itself. */
  open?(path: readonly string[], offset: number, depth: number): boolean | undefined;
  /** A key of the object at `path`, `depth` containers deep; `offset` is its opening quote. */
  key?(path: readonly string[], name: string, offset: number, depth: number): boolean | undefined;
  /** A string holding a backslash (key or value, `raw` with its quotes); `path` is the string's own. */
  escaped?(path: readonly string[], raw: string, offset: number, isKey: boolean): boolean | undefined;
}

/** How a scan ended: at the end of the text, where a hook stopped it, or where the text stops being JSON. */
export type ScanEnd =
  | { readonly kind: 'end' }
  | { readonly kind: 'stopped'; readonly offset: number }
  | { readonly kind: 'invalid'; readonly offset: number };

class Invalid {
  constructor(readonly offset: number) {}
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const number = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * Scans `text` once. With `trusted` (a text JSON.parse accepted) strings are skipped with native `indexOf` jumps
 * and literals are not checked; otherwise every character is checked and the first one that breaks the grammar
 * ends the scan as `invalid`.
 */
export function scanJson(text: string, hooks: ScanHooks = {}, trusted = false): ScanEnd {
  const n = text.length;
  const path: string[] = [];
  const arrays: boolean[] = [];
  const counts: number[] = [];
  let slash = -2;
  const ws = (from: number) => {
    let i = from;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    return i;
  };
  /** The offset just past the string opening at `start`. */
  const string = (start: number): number => {
    if (trusted) {
      for (let from = start + 1; ; ) {
        const quote = text.indexOf('"', from);
        if (quote === -1) return n;
        let before = quote - 1;
        while (text.charCodeAt(before) === 0x5c) before--;
        if ((quote - 1 - before) % 2 === 0) return quote + 1;
        from = quote + 1;
      }
    }
    let i = start + 1;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return i + 1;
      if (c < 0x20) throw new Invalid(i);
      if (c !== 0x5c) continue;
      i++;
      if (text[i] === 'u') {
        for (let k = 0; k < 4; k++) if (!/[0-9a-fA-F]/.test(text.charAt(++i))) throw new Invalid(i);
      } else if (i >= n || !'"\\/bfnrt'.includes(text.charAt(i))) throw new Invalid(i);
    }
    throw new Invalid(n);
  };
  const literal = (start: number): number => {
    if (trusted) {
      let i = start;
      while (i < n && !',}] \t\n\r'.includes(text.charAt(i))) i++;
      return i;
    }
    const c = text[start];
    const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : undefined;
    if (word) {
      for (let k = 0; k < word.length; k++) if (text[start + k] !== word[k]) throw new Invalid(start + k);
      return start + word.length;
    }
    number.lastIndex = start;
    if (c !== '-' && !(c !== undefined && c >= '0' && c <= '9')) throw new Invalid(start);
    if (!number.test(text)) throw new Invalid(start);
    return number.lastIndex;
  };
  /** Reads a key at `i` into `path`; returns the offset of its value. */
  const key = (i: number): number => {
    if (text.charCodeAt(i) !== 0x22) throw new Invalid(i);
    const end = string(i);
    const raw = text.slice(i, end);
    const escaped = raw.includes('\\');
    const name = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
    const depth = arrays.length;
    if (hooks.key?.(path, name, i, depth)) throw new Stop(i);
    path.push(name);
    if (escaped && hooks.escaped?.(path, raw, i, true)) throw new Stop(i);
    const colon = ws(end);
    if (text.charCodeAt(colon) !== 0x3a) throw new Invalid(colon);
    return ws(colon + 1);
  };

  try {
    let i = ws(0);
    for (;;) {
      // A value starts at i.
      if (hooks.value?.(path, i)) return { kind: 'stopped', offset: i };
      const c = text.charCodeAt(i);
      if (c === 0x7b || c === 0x5b) {
        if (hooks.open?.(path, i, arrays.length + 1)) return { kind: 'stopped', offset: i };
        const isArray = c === 0x5b;
        const next = ws(i + 1);
        if (text.charCodeAt(next) === (isArray ? 0x5d : 0x7d)) {
          i = next + 1;
        } else {
          arrays.push(isArray);
          counts.push(0);
          if (isArray) {
            path.push('0');
            i = next;
          } else i = key(next);
          continue;
        }
      } else if (c === 0x22) {
        const end = string(i);
        // The next backslash, found once and reused: searching from every string would be quadratic.
        if (hooks.escaped && slash !== -1 && slash < i) slash = text.indexOf('\\', i);
        if (hooks.escaped && slash !== -1 && slash < end && hooks.escaped(path, text.slice(i, end), i, false))
          return { kind: 'stopped', offset: i };
        i = end;
      } else {
        i = literal(i);
      }
      // After a value: a comma, the closing bracket of the container, or the end of the text.
      for (;;) {
        i = ws(i);
        const depth = arrays.length;
        if (depth === 0) return i < n ? { kind: 'invalid', offset: i } : { kind: 'end' };
        const isArray = arrays[depth - 1] as boolean;
        const d = text.charCodeAt(i);
        if (d === 0x2c) {
          path.pop();
          if (isArray) {
            const index = (counts[depth - 1] as number) + 1;
            counts[depth - 1] = index;
            path.push(String(index));
            i = ws(i + 1);
          } else i = key(ws(i + 1));
          break;
        }
        if (d !== (isArray ? 0x5d : 0x7d)) throw new Invalid(i);
        arrays.pop();
        counts.pop();
        path.pop();
        i++;
      }
    }
  } catch (error) {
    if (error instanceof Invalid) return { kind: 'invalid', offset: Math.min(error.offset, n) };
    if (error instanceof Stop) return { kind: 'stopped', offset: error.offset };
    throw error;
  }
}

class Stop {
  constructor(readonly offset: number) {}
}

/**
 * Finds where a JSON text stops being valid, or `undefined` when it is valid. V8's `JSON.parse` names no
 * position for some errors ("Unexpected token 'u', ..."): partners with a 300-line payload still deserve one.
 */
export function syntaxErrorOffset(text: string): number | undefined {
  const end = scanJson(text);
  return end.kind === 'invalid' ? end.offset : undefined;
}
