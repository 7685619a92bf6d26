import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSpecPath } from '../../src/node/load-spec.ts';
import { exchange, open, readAnswer, request } from '../mock/server/wire.ts';
import { demo } from '../support/demo.ts';
import { runMockCli, startMockCli } from './mock-process.ts';

const spec = readFileSync(defaultSpecPath, 'utf8');
const tampere = '/integrations/int-tampere-roaming/locations';
const key = { 'x-api-key': demo.apiKey, 'content-type': 'application/json' };

let temp: string;
const write = (name: string, text: string) => {
  writeFileSync(join(temp, name), text);
  return join(temp, name);
};
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'ocpi-mock-faults-'));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Expects exit 2 with exactly one line on stderr, no stack trace, and the line matching `expected`. */
async function expectOneLine(args: string[], expected: RegExp): Promise<string> {
  const run = await runMockCli(args);
  expect(run.code).toBe(2);
  expect(run.stderr.split('\n')).toHaveLength(2);
  expect(run.stderr).toMatch(expected);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
  expect(run.stdout).toBe('');
  return run.stderr;
}

describe('mock start-up faults', () => {
  it.each([
    [
      'a YAML error',
      (s: string) => s.replace('  title: eMabler', '  title: [eMabler'),
      /yaml\.yaml:4:3: YAML error: /,
    ],
    [
      'a dangling $ref',
      (s: string) => s.replace("'#/components/responses/UriTooLong'", "'#/components/responses/Nowhere'"),
      /yaml\.yaml:\d+: \$ref "#\/components\/responses\/Nowhere" points at nothing$/m,
    ],
    [
      'a Swagger 2.0 document',
      (s: string) => s.replace('openapi: 3.1.0', "swagger: '2.0'"),
      /:1: expected "openapi: 3\.1\.x"/,
    ],
    [
      'a schema that is not JSON Schema',
      (s: string) =>
        s.replace(
          '        minLength: 1\n      example: int-tampere-roaming',
          '        minLength: one\n      example: int-tampere-roaming',
        ),
      /yaml\.yaml:\d+: the schema at #\/components\/parameters\/IntegrationId\/schema\/minLength is not valid JSON Schema/,
    ],
  ])(
    'exits 2 with one line naming the file and line for a spec with %s',
    async (name, breakSpec, expected) => {
      const broken = breakSpec(spec);
      expect(broken).not.toBe(spec);
      const file = write(`${name.replace(/\W+/g, '-')}.yaml.yaml`, broken);
      const line = await expectOneLine(['--spec', file], expected);
      expect(line.startsWith(`ocpi-location-kit: ${file}:`)).toBe(true);
    },
  );

  it.each([
    [
      'malformed JSON',
      '{"customers":[{"apiKey":"k",}]}',
      /fixtures-0\.json: the file is not valid JSON at line 1, column 29: /,
    ],
    ['a repeated key', '{"customers":[],"customers":[]}', /fixtures-1\.json: .*"customers" appears twice/],
    [
      'a wrong field',
      '{"customers":[{"apiKey":3,"integrations":["i"]}]}',
      /fixtures-2\.json: customers\[0\]\.apiKey must be a non-empty string$/m,
    ],
  ])('exits 2 with one line for a fixtures file with %s', async (name, text, expected) => {
    const index = ['malformed JSON', 'a repeated key', 'a wrong field'].indexOf(name);
    const file = write(`fixtures-${index}.json`, text);
    await expectOneLine(['--fixtures', file], expected);
  });

  it('exits 2 with one line for a fixtures file that does not exist', async () => {
    await expectOneLine(
      ['--fixtures', join(temp, 'none.json')],
      /none\.json: cannot read the fixtures \(ENOENT\)$/m,
    );
  });

  it('exits 2 with one line when the port is in use', async () => {
    const taken: Server = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const { port } = taken.address() as { port: number };
    try {
      await expectOneLine(
        ['--port', String(port)],
        new RegExp(
          `^ocpi-location-kit: cannot listen on 127\\.0\\.0\\.1:${port}: the port is already in use; choose another with --port \\(EADDRINUSE\\)$`,
          'm',
        ),
      );
    } finally {
      taken.close();
    }
  });
});

describe('mock shutdown', () => {
  it('finishes the requests in flight on SIGTERM under load, then exits 0', async () => {
    const mock = await startMockCli(['--delay', '400', '--log-format', 'json']);
    const port = Number(new URL(mock.url).port);
    const sockets = await Promise.all(Array.from({ length: 20 }, () => open(port)));
    const answers = sockets.map((socket) => readAnswer(socket));
    for (const socket of sockets) socket.write(request('POST', tampere, key, '{}'));
    // A round trip on another connection: the mock has read every request written before it.
    expect((await exchange(port, request('GET', '/__mock/health'))).status).toBe(200);
    const code = mock.stop();
    const statuses = (await Promise.all(answers)).map((answer) => answer.status);
    expect(statuses).toEqual(Array(20).fill(200));
    expect(await code).toBe(0);
    expect(mock.stderr()).toBe('');
  });
});
