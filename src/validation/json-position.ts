/** Where a value sits in JSON source text, so an issue can name `file.json:12:7` or move an editor's cursor. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/**
 * Finds the position of the value (or, for a missing property, of its parent) at `instancePath` in `text`.
 * The text must be valid JSON; returns undefined otherwise.
 */
export function locateInJson(text: string, instancePath: string): Position | undefined {
  const tokens =
    instancePath === ''
      ? []
      : instancePath
          .slice(1)
          .split('/')
          .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const skipString = () => {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const skipValue = (): void => {
    ws();
    const c = text[i];
    if (c === '"') {
      skipString();
      return;
    }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      while (i < text.length && text[i] !== close) {
        if (c === '{') {
          skipString();
          ws();
          i++; // colon
        }
        skipValue();
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
      return;
    }
    while (i < text.length && !',}] \t\n\r'.includes(text.charAt(i))) i++;
  };
  ws();
  let found = i;
  for (const token of tokens) {
    ws();
    const c = text[i];
    let matched = false;
    if (c === '{') {
      i++;
      ws();
      while (i < text.length && text[i] !== '}') {
        const start = i;
        skipString();
        const key = safeParse(text.slice(start, i));
        ws();
        i++; // colon
        ws();
        if (key === token) {
          matched = true;
          break;
        }
        skipValue();
        ws();
        if (text[i] === ',') i++;
        ws();
      }
    } else if (c === '[') {
      i++;
      for (let index = 0; ; index++) {
        ws();
        if (i >= text.length || text[i] === ']') break;
        if (String(index) === token) {
          matched = true;
          break;
        }
        skipValue();
        ws();
        if (text[i] === ',') i++;
      }
    }
    if (!matched) break;
    ws();
    found = i;
  }
  if (found > text.length) return undefined;
  const before = text.slice(0, found);
  const line = before.split('\n').length;
  return { line, column: found - before.lastIndexOf('\n'), offset: found };
}

function safeParse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
