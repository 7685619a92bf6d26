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
  const position = /position (\d+)/.exec(raw)?.[1];
  let where = '';
  if (position !== undefined) {
    const before = text.slice(0, Number(position));
    const line = before.split('\n').length;
    const column = Number(position) - before.lastIndexOf('\n');
    where = ` at line ${line}, column ${column}`;
  }
  // V8 messages look like `Unexpected token } in JSON at position 12` or `Expected ',' ... after ...`:
  // keep the part before "in JSON"/"at position" so the text stays short and stable.
  const reason = raw
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/,? ?"[^"]*"\.{3}.*$/, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/ at position \d+.*$/, '');
  return issue('malformed-json', `the body is not valid JSON${where}: ${reason}`);
}

function issue(code: string, message: string): Issue {
  return { severity: 'error', code, instancePath: '', specPointer: '', message, location: 'body' };
}
