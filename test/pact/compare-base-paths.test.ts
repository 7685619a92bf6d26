import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/node/load-spec.ts';
import { comparePacts } from '../../src/pact/compare-pacts.ts';
import { type PactDocument, readPacts } from '../../src/pact/read-pacts.ts';

const spec = loadSpec();
// Recorded by pact-msw-adapter (Pact V2, its request ids as descriptions) against eMabler's test environment.
const recorded = 'test/fixtures/pacts/msw-adapter-emabler-test-api.json';
const [fixture] = readPacts(recorded);
if (!fixture) throw new Error(`${recorded} is missing`);

/** The fixture with every request path rewritten. */
const withPaths = (rewrite: (path: string) => string) => {
  const pact = structuredClone(fixture.pact) as PactDocument & {
    interactions: { request: { path: string } }[];
  };
  for (const interaction of pact.interactions) interaction.request.path = rewrite(interaction.request.path);
  return { path: '/virtual/rewritten.json', pact };
};

describe('compare, for pacts written against a server with a base path', () => {
  it("passes a pact recorded by pact-msw-adapter against eMabler's /api base", async () => {
    const [result] = await comparePacts(spec, [fixture]);
    expect(result?.findings).toEqual([]);
    expect(result?.bases.map((base) => base?.basePath)).toEqual(['/api', '/api']);
    expect(result?.bases[0]?.servers).toEqual(['https://api.emabler.net/api', 'https://api.emabler.io/api']);
  });

  it('names the v2 staging server for a pact under /api/v2/cpo', async () => {
    const [result] = await comparePacts(spec, [withPaths((p) => p.replace('/api', '/api/v2/cpo'))]);
    expect(result?.findings).toEqual([]);
    expect(result?.bases[0]?.servers).toEqual(['https://api-staging.emabler.net/api/v2/cpo']);
  });

  it('still reports a path under no server as unknown', async () => {
    const [result] = await comparePacts(spec, [withPaths((p) => p.replace('/api', '/v9'))]);
    expect(result?.findings.map((f) => f.code)).toContain('request.path-or-method.unknown');
    expect(result?.bases).toEqual([undefined, undefined]);
  });

  it('leaves the pact file as it was written', async () => {
    await comparePacts(spec, [fixture]);
    expect(JSON.parse(readFileSync(recorded, 'utf8')).interactions[0].request.path).toBe(
      '/api/integrations/int-1/locations',
    );
  });

  it('says which server in the text and JSON reports', async () => {
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, [
        'dist/src/cli/main.js',
        'compare',
        '--pacts',
        recorded,
        ...args,
      ]);
    const text = await cli();
    expect(text.stdout).toContain(
      '  2 interactions under /api, the base path of the servers https://api.emabler.net/api, https://api.emabler.io/api',
    );
    const json = JSON.parse((await cli('--format', 'json')).stdout);
    expect(json.results[0].servers).toEqual([
      {
        basePath: '/api',
        servers: ['https://api.emabler.net/api', 'https://api.emabler.io/api'],
        interactions: 2,
      },
    ]);
  });
});
