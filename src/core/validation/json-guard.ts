import { joinPointer } from '../openapi/pointer.ts';
import { scanJson } from './json-text.ts';

/** What a scan of valid JSON text found that `JSON.parse` lets through silently. */
export interface GuardFinding {
  readonly code: 'max-depth' | 'duplicate-key' | 'control-character';
  /** Offset in the text of the bracket, key or string concerned. */
  readonly offset: number;
  /** JSON pointer to the value concerned, as far as the scan knows it. */
  readonly instancePath: string;
  readonly message: string;
}

// C0 controls that are never text in a location; tab, line feed and carriage return are.
const controlEscape = /\\u00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F])/;

/**
 * Scans JSON text that `JSON.parse` accepted, in one pass of json-text.ts's scanner (no recursion: a 100k-deep
 * body costs no stack): nesting deeper than `maxDepth`, a key repeated in one object (RFC 8259 section 4 leaves
 * the outcome to each parser: JSON.parse keeps the last, others the first or fail, so the mock refuses to
 * guess), and C0 control characters escaped inside strings (`\u0000`; raw ones are already a syntax error).
 */
export function guardJson(
  text: string,
  maxDepth = Number.POSITIVE_INFINITY,
  parsed?: unknown,
): GuardFinding | undefined {
  if (parsed !== undefined && provedClean(text, maxDepth, parsed)) return undefined;
  let finding: GuardFinding | undefined;
  // The keys seen in each open object, by depth; a new object at a depth starts afresh.
  const keys: Array<Set<string> | undefined> = [];
  scanJson(
    text,
    {
      open(path, offset, depth) {
        keys[depth] = undefined;
        if (depth <= maxDepth) return false;
        finding = {
          code: 'max-depth',
          offset,
          instancePath: pointerOf(path),
          message: `the body nests deeper than ${maxDepth} levels of objects and arrays; a location needs far fewer`,
        };
        return true;
      },
      key(path, name, offset, depth) {
        const seen = keys[depth] ?? new Set<string>();
        keys[depth] = seen;
        if (!seen.has(name)) {
          seen.add(name);
          return false;
        }
        finding = {
          code: 'duplicate-key',
          offset,
          instancePath: pointerOf([...path, name]),
          message: `the key ${JSON.stringify(name)} appears twice in one object; send each key once`,
        };
        return true;
      },
      escaped(path, raw, offset, isKey) {
        const match = controlEscape.exec(raw);
        if (!match) return false;
        finding = {
          code: 'control-character',
          offset,
          instancePath: pointerOf(isKey ? path.slice(0, -1) : path),
          message: `a string holds the control character U+${match[0].slice(2).toUpperCase()} (${match[0]}); location text must be printable`,
        };
        return true;
      },
    },
    true,
  );
  return finding;
}

/**
 * The hot path for ordinary bodies: with no backslash in the text no string holds a quote, so every key written
 * is a quote followed by a colon (spaces between), found with native `indexOf` jumps from colon to colon. A string
 * that starts with a colon is counted too, so the count is never below the keys written; when it equals the
 * members the parsed value holds (JSON.parse keeps one of each repeated key), none was repeated and none was
 * miscounted. The depth is read off the parsed value. Anything it cannot prove clean goes to the full scan, which
 * finds and names the problem.
 */
function provedClean(text: string, maxDepth: number, parsed: unknown): boolean {
  if (text.indexOf('\\') !== -1) return false;
  let keys = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let before = colon - 1;
    while (before >= 0 && isSpace(text.charCodeAt(before))) before--;
    if (text.charCodeAt(before) === 0x22) keys++;
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
    // JSON.parse makes plain objects: their own enumerable keys are all there is.
    const keys = Object.keys(next);
    count += keys.length;
    for (let i = 0; i < keys.length; i++) {
      const item = (next as Record<string, unknown>)[keys[i] as string];
      if (typeof item === 'object' && item !== null) {
        values.push(item);
        depths.push(depth + 1);
      }
    }
  }
  return count;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

const pointerOf = (path: readonly string[]): string => joinPointer('', ...path);
