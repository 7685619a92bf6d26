import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoFixturesPath, loadFixtures } from '../../mock/fixtures-file.ts';
import { ConfigError } from '../../src/core/config-error.ts';

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
