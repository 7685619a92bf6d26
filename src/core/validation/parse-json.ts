import { lineColumn } from '../openapi/line-column.ts';
import { createIssue } from './issue.ts';
import { guardJson } from './json-guard.ts';
import { syntaxErrorOffset } from './json-text.ts';
import type { ParseIssue, ParseOptions, ParseResult } from './types.ts';

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
      line,
      column,
    },
  };
}

function syntaxIssue(text: string, raw: string): ParseIssue {
  if (text.trim() === '') {
    return issue('empty-body', 'the body is empty; send a JSON object such as {}');
  }
  const reported = /position (\d+)/.exec(raw)?.[1];
  const position = reported === undefined ? syntaxErrorOffset(text) : Number(reported);
  const at = position === undefined ? undefined : lineColumn(text, position);
  const where = at ? ` at line ${at.line}, column ${at.column}` : '';
  if (text.charCodeAt(0) === 0xfeff) {
    return {
      ...issue(
        'malformed-json',
        `the body is not valid JSON${where}: it starts with a byte-order mark (U+FEFF)`,
      ),
      ...at,
    };
  }
  // V8 messages look like `Unexpected token } in JSON at position 12`, `Expected ',' ... at position 3`, or
  // `Unexpected token 'u', ..."city": undefined"... is not valid JSON` (which echoes the input): keep the
  // reason only, so the text stays short and stable.
  const reason = raw
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/^(Unexpected token '.+?'),[\s\S]*$/, '$1')
    .replace(/ in JSON at position \d+[\s\S]*$/, '')
    .replace(/ at position \d+[\s\S]*$/, '');
  return { ...issue('malformed-json', `the body is not valid JSON${where}: ${reason}`), ...at };
}

function issue(code: string, message: string): ParseIssue {
  return createIssue({ code, specPointer: '', message, location: 'body' });
}
