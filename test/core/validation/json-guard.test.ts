import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardJson } from '../../../src/core/validation/json-guard.ts';
import { parseJson } from '../../../src/core/validation/parse-json.ts';

describe('guardJson', () => {
  it.each([
    ['a flat object', '{"name":"a","city":"b"}'],
    ['the same key in sibling objects', '{"a":{"x":1},"b":{"x":2},"c":[{"x":1},{"x":2}]}'],
    ['escaped quotes and backslashes in keys and values', '{"a\\"b":"c\\\\","a\\\\":"\\"","n":"\\n\\t\\r"}'],
    ['a tab, a line feed and a carriage return escaped', '{"text":"a\\tb\\nc\\rd"}'],
    ['structural characters inside strings', '{"a":"{[,]}:","b":"\\"{"}'],
    ['32 levels exactly', `${'['.repeat(32)}${']'.repeat(32)}`],
    ['a __proto__ key beside an ordinary one', '{"__proto__":{"x":1},"name":"a"}'],
  ])('finds nothing in %s', (_, text) => {
    expect(guardJson(text, 32)).toBeUndefined();
    expect(guardJson(text, 32, JSON.parse(text))).toBeUndefined();
  });

  it.each([
    ['{"name":"a","name":"b"}', 'duplicate-key', '/name', '"name" appears twice'],
    ['{"a":{"x":1,"y":2,"x":3}}', 'duplicate-key', '/a/x', '"x" appears twice'],
    ['{"list":[{"k":1},{"k":1,"k":2}]}', 'duplicate-key', '/list/1/k', '"k" appears twice'],
    ['{"a\\u0062":1,"ab":2}', 'duplicate-key', '/ab', '"ab" appears twice'],
    ['{"name":"a\\u0000b"}', 'control-character', '/name', 'U+0000'],
    ['{"x":["ok","\\u001F"]}', 'control-character', '/x/1', 'U+001F'],
    ['{"x\\u0007":1}', 'control-character', '', 'U+0007'],
    [`{"c":${'['.repeat(40)}${']'.repeat(40)}}`, 'max-depth', '/c/0/0/0/0', 'deeper than 32'],
    ['{"__proto__":1,"__proto__":2}', 'duplicate-key', '/__proto__', '"__proto__" appears twice'],
    ['{"a":[{"b":{"c":1,"c":1}}]}', 'duplicate-key', '/a/0/b/c', '"c" appears twice'],
  ])('reports %s as %s at %s', (text, code, pointer, words) => {
    // With the parsed value the guard first tries its counting fast path; the finding must be the same.
    for (const found of [guardJson(text, 32), guardJson(text, 32, JSON.parse(text))]) {
      expect(found?.code).toBe(code);
      expect(found?.instancePath.startsWith(pointer)).toBe(true);
      expect(found?.message).toContain(words);
    }
  });

  it('finds the same with and without the parsed value, for any JSON text', () => {
    // Arbitrary JSON, sometimes with one key of an object written twice, so both answers of the fast path occur.
    const texts = fc.tuple(fc.json({ depthSize: 'medium' }), fc.boolean()).map(([text, twice]) => {
      const key = /"([^"\\]*)":/.exec(text);
      return twice && key ? text.replace(key[0], `${key[0]}0,${key[0]}`) : text;
    });
    fc.assert(
      fc.property(texts, (text) => {
        const slow = guardJson(text, 8);
        const fast = guardJson(text, 8, JSON.parse(text));
        expect(fast).toEqual(slow);
      }),
      { seed: 20261124, numRuns: 500 },
    );
  });

  it('scans a 100k-deep body without a stack overflow and stops at the limit', () => {
    const text = `{"chargers":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(guardJson(text)).toBeUndefined();
    expect(guardJson(text, 32)?.offset).toBe(12 + 31);
  });

  it('scans 100k strings in linear time', () => {
    const text = JSON.stringify({ facilities: Array.from({ length: 100_000 }, () => 'WIFI') });
    const started = performance.now();
    expect(guardJson(text, 32)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('parseJson with the guard', () => {
  it('names the line and column of a repeated key', () => {
    const parsed = parseJson('{\n  "city": "Tampere",\n  "city": "Turku"\n}');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issue).toMatchObject({ code: 'duplicate-key', instancePath: '/city', location: 'body' });
    expect(parsed.issue.message).toContain('(line 3, column 3)');
  });

  it('accepts any depth unless a limit is given', () => {
    const text = `${'['.repeat(1000)}${']'.repeat(1000)}`;
    expect(parseJson(text).ok).toBe(true);
    expect(parseJson(text, { maxDepth: 999 }).ok).toBe(false);
  });
});
