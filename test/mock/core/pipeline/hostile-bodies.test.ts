import { describe, expect, it } from 'vitest';
import { demoKey, json, makeMock, post, read, tampere } from '../../helpers.ts';

const problem = { ...demoKey, ...json, accept: 'application/problem+json' };

/** Posts a hostile body asking for the problem document, and returns its status, detail and first issue. */
const shared = makeMock();

async function refuse(body: string, headers: Record<string, string> = problem) {
  const response = await shared.app.request(tampere, { method: 'POST', headers, body });
  const text = await response.text();
  const parsed = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
  return {
    status: response.status,
    text,
    detail: parsed?.detail as string | undefined,
    issue: parsed?.issues?.[0] as { code: string; message: string; instancePath: string } | undefined,
  };
}

describe('hostile bodies', () => {
  it.each([
    ['truncated JSON', '{"name":"Hatanpää","city":"Tam', 'malformed-json', 'line 1, column'],
    ['NaN', '{"images":[{"width":NaN}]}', 'malformed-json', 'line 1, column 21'],
    [
      'Infinity',
      '{"locationEnergyMix":{"energySources":[{"percentage":Infinity}]}}',
      'malformed-json',
      'column',
    ],
    ['a raw control character in a string', '{"name":"a\u0001b"}', 'malformed-json', 'line 1'],
    ['an escaped control character in a string', '{"name":"a\\u0000b"}', 'control-character', 'U+0000'],
    ['a repeated key', '{"name":"Hatanpää","name":"Kaleva"}', 'duplicate-key', '"name" appears twice'],
    ['a single quote', "{'name':'x'}", 'malformed-json', 'line 1, column 2'],
    ['a trailing comma', '{"name":"x",}', 'malformed-json', 'column'],
    ['a comment', '{"name":"x" /* hi */}', 'malformed-json', 'column'],
    ['two documents', '{}{}', 'malformed-json', 'column 3'],
    ['a lone surrogate escape in a key position', '{"\\ud800":1,"\\ud800":2}', 'duplicate-key', 'twice'],
  ])('answers 400 with a diagnostic for %s', async (_, body, code, words) => {
    const answer = await refuse(body);
    expect(answer.status).toBe(400);
    expect(answer.issue?.code).toBe(code);
    expect(answer.issue?.message).toContain(words);
  });

  it('answers 400 with the default sentence when no problem document is asked for', async () => {
    const answer = await refuse('{"name":"a","name":"b"}', { ...demoKey, ...json });
    expect(answer).toMatchObject({ status: 400, text: 'Something went wrong' });
  });

  it('answers 400 for 100k-deep nesting, naming the limit', async () => {
    const answer = await refuse(`{"chargers":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(answer.status).toBe(400);
    expect(answer.issue?.code).toBe('max-depth');
    expect(answer.detail).toContain('deeper than 32 levels');
  });

  it('answers 400 for 100k-deep objects, which the schema alone would accept as unknown properties', async () => {
    const answer = await refuse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
    expect(answer.status).toBe(400);
    expect(answer.issue?.code).toBe('max-depth');
  });

  it('answers 400 with at most 501 issues for 100k bad array items, in well under a second', async () => {
    const facilities = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? 'WIFI' : 'JACUZZI'));
    const started = performance.now();
    const answer = await refuse(JSON.stringify({ facilities }));
    expect(answer.status).toBe(400);
    expect(performance.now() - started).toBeLessThan(3000);
    const issues = JSON.parse(answer.text).issues as unknown[];
    expect(issues.length).toBeLessThanOrEqual(501);
  });

  it('answers 400 for int32 fields beyond int32, naming the field', async () => {
    const image = { url: 'https://x.fi/a.png', category: 'OTHER' };
    for (const width of [2 ** 31, -(2 ** 31) - 1, 1e300]) {
      const answer = await refuse(JSON.stringify({ images: [{ ...image, width }] }));
      expect(answer.status, String(width)).toBe(400);
      expect(answer.issue?.instancePath).toBe('/images/0/width');
    }
    const weekday = await refuse('{"openingTimes":{"regularHours":[{"weekday":2147483648}]}}');
    expect(weekday.issue?.instancePath).toBe('/openingTimes/regularHours/0/weekday');
  });

  it('answers 400 for a content type that is not JSON, as the spec documents', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const answer = await refuse('{}', { ...problem, 'content-type': type });
      expect(answer.status, type).toBe(400);
      expect(answer.issue?.code).toBe('media-type');
    }
  });

  it('never pollutes a prototype in the mock process', async () => {
    const mock = makeMock();
    const bodies = [
      '{"__proto__":{"polluted":"yes"},"name":"a"}',
      '{"constructor":{"prototype":{"polluted":"yes"}}}',
      '{"coordinates":{"__proto__":{"polluted":"yes"}}}',
      '{"images":[{"__proto__":{"polluted":"yes"},"url":"https://x.fi/a.png","category":"OTHER"}]}',
      '{"__proto__":{"toString":"no"}}',
    ];
    for (const body of bodies) {
      const response = await post(mock, tampere, body);
      expect(response.status, body).toBe(200);
    }
    const fixtures = await mock.app.request('/__mock/fixtures', {
      method: 'POST',
      headers: json,
      body: '{"customers":[{"__proto__":{"polluted":"yes"},"apiKey":"k","integrations":["i"]}],"__proto__":{"polluted":"yes"}}',
    });
    expect(fixtures.status).toBe(200);
    const empty: Record<string, unknown> = {};
    expect(empty.polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(String(empty)).toBe('[object Object]');
    // The mock still answers normally and its journal serialises.
    expect((await read(await post(mock, tampere, {}))).status).toBe(200);
    expect((await mock.app.request('/__mock/requests')).status).toBe(200);
  });

  it('keeps __proto__ as an ordinary unknown property, with a warning', async () => {
    const answer = await refuse('{"__proto__":{"x":1}}', { ...problem, prefer: 'code=400' });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).issues.map((i: { instancePath: string }) => i.instancePath)).toContain(
      '/__proto__',
    );
  });
});
