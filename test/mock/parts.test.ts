import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createIdSource } from '../../mock/core/state/ids.ts';
import { Ring } from '../../mock/core/state/ring.ts';
import { demoFixturesPath, loadFixtures } from '../../mock/server/fixtures-file.ts';
import { createRequestLogger } from '../../mock/server/log.ts';
import { ConfigError } from '../../src/core/config-error.ts';
import { spec } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'mock-fixtures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fixtures', () => {
  it('holds the demo customers other tests rely on', () => {
    expect(loadFixtures(demoFixturesPath).customers).toMatchObject([
      {
        name: 'Tampereen Lataus Oy',
        apiKeys: ['demo-api-key'],
        clientId: 'tampereen-lataus',
        codes: ['demo-function-code'],
        integrations: ['int-tampere-roaming', 'int-helsinki-hub'],
      },
      {
        name: 'Oulun Energia Lataus',
        apiKeys: ['oulu-api-key'],
        clientId: 'oulun-energia',
        codes: ['oulu-function-code'],
        integrations: ['int-oulu-roaming'],
      },
    ]);
  });

  it.each([
    ['not JSON', '{customers', 'not valid JSON'],
    ['no customers', '{}', 'expected an object with a "customers" array'],
    ['integrations missing', '{"customers":[{"apiKey":"k"}]}', 'customers[0].integrations is missing'],
    ['a code without clientId', '{"customers":[{"apiKey":"k","code":"c","integrations":[]}]}', 'go together'],
  ])('throws an error naming the file for %s', (_, text, message) => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, text);
    expect(() => loadFixtures(file)).toThrow(ConfigError);
    expect(() => loadFixtures(file)).toThrow(`${file}: `);
    expect(() => loadFixtures(file)).toThrow(message);
  });

  it('throws an error naming a file that does not exist', () => {
    expect(() => loadFixtures(join(dir, 'missing.json'))).toThrow(
      /missing\.json: cannot read the fixtures \(ENOENT\)/,
    );
  });
});

describe('location ids', () => {
  it('match the pattern of the spec and stay within 36 characters', () => {
    const ids = createIdSource(spec, 9);
    for (let i = 0; i < 100; i++) {
      const id = ids.next();
      expect(id).toMatch(/^Loc-[A-Za-z0-9-]+$/);
      expect(id.length).toBeLessThanOrEqual(36);
    }
  });

  it('never repeat in 100,000 ids', () => {
    const ids = createIdSource(spec);
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(ids.next());
    expect(seen.size).toBe(100_000);
  });

  it('repeat the same sequence under a seed and after a reset', () => {
    const a = createIdSource(spec, 42);
    const b = createIdSource(spec, 42);
    const first = [a.next(), a.next()];
    expect([b.next(), b.next()]).toEqual(first);
    a.reset();
    expect(a.next()).toBe(first[0]);
  });
});

describe('the ring buffer', () => {
  it('keeps the newest items and counts the dropped ones', () => {
    const ring = new Ring<number>(3);
    for (let i = 1; i <= 5; i++) ring.push(i);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect(ring.toArray(2)).toEqual([4, 5]);
    expect(ring.dropped).toBe(2);
    ring.clear();
    expect(ring.toArray()).toEqual([]);
  });
});

describe('request logs', () => {
  const record = {
    method: 'POST',
    path: '/integrations/int-tampere-roaming/locations',
    status: 400,
    ms: 1.234,
    issues: 2,
  };

  it('writes one JSON object per line', () => {
    const lines: string[] = [];
    createRequestLogger('json', (line) => lines.push(line))(record);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      method: 'POST',
      status: 400,
      ms: 1.23,
      issues: 2,
    });
  });

  it('writes one readable line', () => {
    const lines: string[] = [];
    createRequestLogger('pretty', (line) => lines.push(line), false)(record);
    expect(lines[0]).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} POST \/integrations\/int-tampere-roaming\/locations 400 1\.2 ms \(2 issues\)\n$/,
    );
  });

  it('never logs credentials sent in the query', async () => {
    const { makeMock, post } = await import('./helpers.ts');
    const lines: string[] = [];
    const mock = makeMock({ log: createRequestLogger('json', (line) => lines.push(line)) });
    await post(
      mock,
      '/integrations/int-tampere-roaming/locations?code=demo-function-code&clientId=tampereen-lataus',
      {},
      {
        'x-api-key': 'demo-api-key',
      },
    );
    expect(lines).toHaveLength(1);
    expect(lines.join('')).not.toMatch(/demo-function-code|demo-api-key/);
  });
});
