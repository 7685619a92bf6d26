import { guardJson } from './json-guard.ts';
import { syntaxErrorOffset } from './json-syntax.ts';
import type { Issue, ParseOptions, ParseResult } from './types.ts';

/**
 * Parses a JSON text; a syntax error becomes one issue that says where (line and column) and what. Valid JSON
 * that the API cannot trust (a repeated key, an escaped control character, nesting past `maxDepth`) is refused
 * the same way, with a code of its own.
 */
export function parseJson(text: string, options: ParseOptions = {}): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, issue: syntaxIssue(text, (error as Error).message) };
  }
  const finding = guardJson(text, options.maxDepth, value);
  if (!finding) return { ok: true, value };
  const { line, column } = lineColumn(text, finding.offset);
  return {
    ok: false,
    issue: {
      ...issue(finding.code, `${finding.message} (line ${line}, column ${column})`),
      instancePath: finding.instancePath,
    },
  };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    line++;
    start = nl + 1;
  }
  return { line, column: offset - start + 1 };
}

function syntaxIssue(text: string, raw: string): Issue {
  if (text.trim() === '') {
    return issue('empty-body', 'the body is empty; send a JSON object such as {}');
  }
  const reported = /position (\d+)/.exec(raw)?.[1];
  const position = reported === undefined ? syntaxErrorOffset(text) : Number(reported);
  let where = '';
  if (position !== undefined) {
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    where = ` at line ${line}, column ${column}`;
  }
  if (text.charCodeAt(0) === 0xfeff) {
    return issue(
      'malformed-json',
      `the body is not valid JSON${where}: it starts with a byte-order mark (U+FEFF)`,
    );
  }
  // V8 messages look like `Unexpected token } in JSON at position 12`, `Expected ',' ... at position 3`, or
  // `Unexpected token 'u', ..."city": undefined"... is not valid JSON` (which echoes the input): keep the
  // reason only, so the text stays short and stable.
  const reason = raw
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/^(Unexpected token '.+?'),[\s\S]*$/, '$1')
    .replace(/ in JSON at position \d+[\s\S]*$/, '')
    .replace(/ at position \d+[\s\S]*$/, '');
  return issue('malformed-json', `the body is not valid JSON${where}: ${reason}`);
}

function issue(code: string, message: string): Issue {
  return { severity: 'error', code, instancePath: '', specPointer: '', message, location: 'body' };
}
