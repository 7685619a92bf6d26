import { syntaxErrorOffset } from './json-syntax.ts';
import type { Issue, ParseResult } from './types.ts';

/** Parses a JSON text; a syntax error becomes one issue that says where (line and column) and what. */
export function parseJson(text: string): ParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, issue: syntaxIssue(text, (error as Error).message) };
  }
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
