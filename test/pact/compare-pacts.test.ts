import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/node/load-spec.ts';
import { comparePacts } from '../../src/pact/compare-pacts.ts';
import { projectPactFile } from '../../src/pact/participants.ts';
import { type PactDocument, type PactFile, readPacts } from '../../src/pact/read-pacts.ts';

const spec = loadSpec();
const [committed] = readPacts(projectPactFile);
if (!committed) throw new Error('no committed pact');

type Body = { content: Record<string, unknown> };
type Http = { description: string; request: { body?: Body }; response: { status: number; body?: Body } };

/** The committed pact with one interaction changed, as an in-memory pact file. */
function variant(change: (created: Http) => void): PactFile {
  const pact = structuredClone(committed?.pact) as PactDocument;
  const created = (pact.interactions as unknown as Http[]).find((i) =>
    i.description.includes('complete site'),
  );
  if (!created) throw new Error('the committed pact has no complete-site interaction');
  change(created);
  return { path: '/virtual/variant.json', pact };
}

/** An outside pact with one interaction: a 404 for an unknown integration with the given text body. */
function textNotFound(headers: Record<string, unknown>, body: unknown): PactFile {
  const interaction = {
    description: 'a post to an integration that was deleted',
    request: {
      method: 'POST',
      path: '/integrations/int-deleted/locations',
      headers: { 'x-api-key': 'partner-key', 'Content-Type': 'application/json' },
      body: { name: 'Ratina' },
    },
    response: { status: 404, headers, body },
  };
  const pact = {
    consumer: { name: 'partner-portal' },
    provider: { name: 'emabler-add-location' },
    interactions: [interaction],
  };
  return { path: '/virtual/text-404.json', pact: pact as unknown as PactDocument };
}

describe('compare', () => {
  it('passes the project pacts', async () => {
    const [result] = await comparePacts(spec, [committed]);
    expect(result?.findings).toEqual([]);
    expect(result?.interactions).toHaveLength(committed.pact.interactions.length);
  });

  it('fails a pact that expects a response field the spec does not define', async () => {
    const pact = variant((i) => {
      if (i.response.body) i.response.body.content.createdAt = '2026-11-24T10:00:00Z';
    });
    const [result] = await comparePacts(spec, [pact]);
    expect(result?.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'response.body.incompatible',
        interaction: expect.objectContaining({
          description: 'a request to add a complete site with its chargers',
        }),
        spec: {
          pointer: '/components/schemas/LocationId',
          line: spec.lineOf('/components/schemas/LocationId'),
        },
      }),
    ]);
  });

  it('fails a pact that sends coordinates as numbers, naming both fields and their rules', async () => {
    const pact = variant((i) => {
      if (i.request.body) i.request.body.content.coordinates = { latitude: 61.48215, longitude: 23.76403 };
    });
    const [result] = await comparePacts(spec, [pact]);
    expect(result?.findings.map((f) => [f.code, f.pactLocation, f.spec.pointer])).toEqual([
      [
        'request.body.incompatible',
        'request.body.coordinates.latitude',
        '/components/schemas/GeoLocation/properties/latitude/type',
      ],
      [
        'request.body.incompatible',
        'request.body.coordinates.longitude',
        '/components/schemas/GeoLocation/properties/longitude/type',
      ],
    ]);
    expect(result?.findings.every((f) => typeof f.spec.line === 'number')).toBe(true);
  });

  it('fails a pact that expects a status the spec does not define', async () => {
    const pact = variant((i) => {
      i.response.status = 201;
    });
    const [result] = await comparePacts(spec, [pact]);
    expect(result?.findings.map((f) => f.code)).toContain('response.status.unknown');
  });

  it.each([
    ['V2', { 'Content-Type': 'text/plain' }, 'Customer not found'],
    [
      'V4',
      { 'content-type': ['text/plain; charset=utf-8'] },
      { content: 'Customer not found', contentType: 'text/plain', encoded: false },
    ],
  ])("passes a %s pact whose 404 is eMabler's text/plain sentence", async (_version, headers, body) => {
    const [result] = await comparePacts(spec, [textNotFound(headers, body)]);
    expect(result?.findings).toEqual([]);
  });

  it('fails a pact whose text/plain 404 is a sentence the spec does not allow', async () => {
    const pact = textNotFound({ 'Content-Type': 'text/plain' }, 'Integration missing');
    const [result] = await comparePacts(spec, [pact]);
    const rule = '/components/responses/CustomerNotFound/content/text~1plain/schema/const';
    expect(result?.findings).toEqual([
      expect.objectContaining({
        code: 'response.body.incompatible',
        message: expect.stringContaining('"Customer not found"'),
        pactLocation: 'response.body',
        pactValue: 'Integration missing',
        spec: { pointer: rule, line: spec.lineOf(rule) },
      }),
    ]);
  });

  it('takes the media type of a 4xx answer from the response when the request sends no Accept', async () => {
    const pact = structuredClone(committed.pact) as PactDocument;
    for (const i of pact.interactions as unknown as { request: { headers: Record<string, unknown> } }[]) {
      delete i.request.headers.accept;
    }
    const [result] = await comparePacts(spec, [{ path: '/virtual/no-accept.json', pact }]);
    expect(result?.findings).toEqual([]);
  });
});

describe('ocpi-location-kit compare', () => {
  const run = promisify(execFile);
  const dir = mkdtempSync(join(tmpdir(), 'ocpi-compare-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = async (...args: string[]) => {
    try {
      const { stdout } = await run(process.execPath, ['dist/src/cli/main.js', 'compare', ...args]);
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  it('exits 0 on the project pacts', async () => {
    const { code, stdout } = await cli();
    expect(code).toBe(0);
    expect(stdout).toMatch(/^PASS: 1 pact file, \d+ interactions checked against openapi\.yaml: 0 errors/m);
  });

  it('exits 1 and names the interaction and the spec line for a breaking pact', async () => {
    const file = join(dir, 'numbers.json');
    const bad = variant((i) => {
      if (i.request.body) i.request.body.content.coordinates = { latitude: 61.48215, longitude: 23.76403 };
    });
    writeFileSync(file, JSON.stringify(bad.pact));
    const { code, stdout } = await cli('--pacts', file);
    expect(code).toBe(1);
    expect(stdout).toContain('"a request to add a complete site with its chargers"');
    expect(stdout).toContain(
      `spec: openapi.yaml:${spec.lineOf('/components/schemas/GeoLocation/properties/latitude/type')} #/components/schemas/GeoLocation/properties/latitude/type`,
    );
  });

  it('exits 2 with one line for a missing pact file', async () => {
    const { code, stderr } = await cli('--pacts', join(dir, 'missing.json'));
    expect(code).toBe(2);
    expect(stderr?.trim().split('\n')).toHaveLength(1);
  });
});
