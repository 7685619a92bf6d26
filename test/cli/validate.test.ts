import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/core/report/validate-report.ts';
import { type CliRun, runCli } from './mock-process.ts';

const payloads = 'test/fixtures/payloads';
const fixture = (name: string) => `${payloads}/${name}.json`;

/** Runs the real command, as a partner would, from the project root. */
const cli = (args: string[], stdin = ''): Promise<CliRun> => runCli(['validate', ...args], stdin);

let temp: string;
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'ocpi-cli-'));
  writeFileSync(join(temp, 'binary.json'), Buffer.from([0x7b, 0x00, 0x01, 0x7d]));
  writeFileSync(join(temp, 'latin1.json'), Buffer.from('{"city": "Malm\xf6"}', 'latin1'));
  mkdirSync(join(temp, 'payloads'));
  // 50 MB without writing 50 MB: a sparse file, refused by its size before a byte is read.
  writeFileSync(join(temp, 'huge.json'), '{');
  truncateSync(join(temp, 'huge.json'), 50 * 1024 * 1024);
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('validate --format text', () => {
  let run: CliRun;
  beforeAll(async () => {
    run = await cli([
      fixture('valid-oulu-kauppatori-minimal'),
      fixture('warns-tampere-unknown-properties'),
      fixture('invalid-tampere-coordinates-as-numbers'),
    ]);
  });

  it('exits 1 when a payload has errors', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
  });

  it('prints a verdict per file, each issue with its path and message, then a summary line', () => {
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `${fixture('valid-oulu-kauppatori-minimal')}: valid (0 errors, 0 warnings, enum form: none)`,
    );
    expect(lines).toContain(
      `${fixture('invalid-tampere-coordinates-as-numbers')}: INVALID (2 errors, 0 warnings, enum form: none)`,
    );
    expect(run.stdout).toContain(
      '  error   /coordinates/latitude  coordinates.latitude must be a string; got the number 61.49829; send it as a string: "61.49829"',
    );
    expect(run.stdout).toContain(
      '  warning /postcode  postcode is not a property of Location; the API ignores it. Did you mean postalCode?',
    );
    expect(run.stdout).toMatch(
      /at test\/fixtures\/payloads\/invalid-tampere-coordinates-as-numbers\.json:5:32; rule type at openapi\.yaml:\d+ #\/components\/schemas\/GeoLocation\/properties\/latitude\/type/,
    );
    expect(lines.at(-1)).toBe('3 files checked: 2 valid, 1 invalid; 2 errors, 6 warnings');
  });
});

describe('validate --format json', () => {
  let lenient: CliRun;
  let strict: CliRun;
  beforeAll(async () => {
    const files = [
      fixture('valid-tampere-hatanpaa-complete-names'),
      fixture('valid-tampere-hatanpaa-numeric-enums'),
      fixture('valid-turku-nulls-where-nullable'),
      fixture('warns-empty-object-without-timezone'),
      fixture('warns-turku-latitude-with-too-few-decimals'),
    ];
    [lenient, strict] = await Promise.all([
      cli(['--format', 'json', ...files]),
      cli(['--strict', '-f', 'json', ...files]),
    ]);
  });

  it('exits 0 on valid payloads and OCPI advice', () => {
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toBe('');
  });

  it('prints the one envelope with its version and every issue as an object', () => {
    const report = JSON.parse(lenient.stdout) as RunReport;
    expect(report).toMatchObject({
      tool: 'ocpi-location-kit',
      version: 1,
      command: 'validate',
      ok: true,
      summary: { errors: 0, warnings: 3, files: 5, valid: 5, invalid: 0 },
    });
    expect(report.results.map((file) => file.enumForm)).toEqual(['names', 'numbers', 'none', 'none', 'none']);
    expect(report.results.every((file) => file.ok && !file.strict)).toBe(true);
    const latitude = report.results[4]?.issues[0];
    expect(latitude).toEqual({
      severity: 'warning',
      code: 'ocpi-pattern',
      instancePath: '/coordinates/latitude',
      specPointer: '/components/schemas/GeoLocation/properties/latitude/x-ocpi/rule/pattern',
      message: expect.stringContaining(
        'coordinates.latitude must be a decimal string with 1-2 integer digits and 5-7 decimals',
      ),
      location: 'body',
      line: 7,
      column: 32,
    });
  });

  it('exits 1 under --strict, with the OCPI breaches as errors', () => {
    expect(strict.code).toBe(1);
    const report = JSON.parse(strict.stdout) as RunReport;
    expect(report).toMatchObject({
      ok: false,
      summary: { valid: 3, invalid: 2, errors: 3, warnings: 0 },
    });
    expect(report.results.every((file) => file.strict)).toBe(true);
    expect(report.results[3]?.issues.map((issue) => `${issue.severity} ${issue.instancePath}`)).toEqual([
      'error /timezone',
    ]);
  });
});

describe('validate, what users bring', () => {
  it('reports a missing file as an issue of its own in the envelope, and exits 2', async () => {
    const run = await cli(['--format', 'json', 'no-such-payload.json', fixture('valid-gent-zuid-belgium')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('ocpi-location-kit: no-such-payload.json: no such file\n');
    const report = JSON.parse(run.stdout) as RunReport;
    expect(report.ok).toBe(false);
    expect(report.results[0]).toMatchObject({ file: 'no-such-payload.json', ok: false, errors: 1 });
    expect(report.results[0]?.issues).toEqual([
      {
        severity: 'error',
        code: 'input-unreadable',
        instancePath: '',
        specPointer: '',
        message: 'no-such-payload.json: no such file',
      },
    ]);
  });

  it('fails a typo under --strict, naming the property it meant', async () => {
    const file = fixture('warns-tampere-unknown-properties');
    const [lenient, strict] = await Promise.all([cli([file]), cli(['--strict', file])]);
    expect(lenient.code).toBe(0);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(
      'error   /postcode  postcode is not a property of Location; the API ignores it. Did you mean postalCode?',
    );
  });
});

describe('validate --format junit', () => {
  let run: CliRun;
  beforeAll(async () => {
    run = await cli([
      '--format=junit',
      fixture('valid-gent-zuid-belgium'),
      fixture('warns-espoo-energy-mix-not-adding-up'),
      fixture('invalid-oulu-errors-at-every-depth'),
      fixture('unparsable-espoo-trailing-comma'),
    ]);
  });

  it('exits 2 when one input is not JSON, and still reports the others', () => {
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `ocpi-location-kit: ${fixture('unparsable-espoo-trailing-comma')}: the body is not valid JSON at line 4, column 1: Expected double-quoted property name\n`,
    );
  });

  it('prints well-formed XML with one test case per file, failures for errors and errors for unreadable input', () => {
    const xml = run.stdout;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xml).toMatch(/<testsuites [^>]*tests="4" failures="1" errors="1">/);
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml.match(/<error /g)).toHaveLength(1);
    expect(xml).toContain('<failure message="9 errors" type="invalid-payload">');
    expect(xml).toContain('<system-out>warning /locationEnergyMix/energySources: ');
    // Every element that opens is closed, in order.
    const stack: string[] = [];
    for (const [, closing, name, selfClosing] of xml.matchAll(/<(\/?)([a-z-]+)[^>]*?(\/?)>/g)) {
      if (closing) expect(stack.pop()).toBe(name);
      else if (!selfClosing) stack.push(name as string);
    }
    expect(stack).toEqual([]);
    expect(xml.replace(/&#\d+;/g, '')).not.toMatch(/&/);
  });
});

describe('validate from stdin', () => {
  it('reads a payload piped into -', async () => {
    const run = await cli(
      ['-'],
      '{"name": "Kauppatori Oulu", "timezone": "Europe/Helsinki", "parkingType": 2}',
    );
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'stdin: valid (0 errors, 0 warnings, enum form: numbers)\n1 file checked: 1 valid, 0 invalid; 0 errors, 0 warnings\n',
    });
  });
});

describe('validate usage errors', () => {
  const cases: Array<[string, string[], string, RegExp | string]> = [
    ['a missing file', [`${payloads}/nowhere.json`], '', `${payloads}/nowhere.json: no such file`],
    ['a directory', ['@temp/payloads'], '', /payloads is a directory; name the JSON files inside it$/],
    ['a binary file', ['@temp/binary.json'], '', /binary\.json is a binary file, not JSON text$/],
    ['invalid UTF-8', ['@temp/latin1.json'], '', /latin1\.json is not valid UTF-8 text$/],
    ['a 50 MB file', ['@temp/huge.json'], '', /huge\.json is too large \(50\.0 MiB; the limit is 16 MiB\)$/],
    ['empty stdin', ['-'], '', 'stdin is empty; expected a JSON payload'],
    [
      'non-JSON stdin',
      ['-'],
      'name: Oulu',
      "stdin: the body is not valid JSON at line 1, column 2: Unexpected token 'a'",
    ],
    [
      'an unknown option',
      ['--strictt', fixture('valid-gent-zuid-belgium')],
      '',
      'validate: unknown option --strictt; did you mean --strict? (see ocpi-location-kit validate --help)',
    ],
    [
      'a bad --format',
      ['--format', 'xml', fixture('valid-gent-zuid-belgium')],
      '',
      'validate: --format must be one of text, json, junit; got "xml" (see ocpi-location-kit validate --help)',
    ],
    [
      'no file at all',
      [],
      '',
      'validate: name at least one payload file, or - for stdin (see ocpi-location-kit validate --help)',
    ],
    [
      'stdin named twice',
      ['-', '-'],
      '{}',
      'validate: stdin (-) can be named only once (see ocpi-location-kit validate --help)',
    ],
  ];

  it.concurrent.for(cases)(
    'exits 2 for %s with exactly one line on stderr and no stack trace',
    async ([, args, stdin, expected], { expect }) => {
      const run = await cli(
        args.map((arg) => arg.replace('@temp', temp)),
        stdin,
      );
      expect(run.code).toBe(2);
      const lines = run.stderr.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toBe('');
      expect(lines[0]).toMatch(/^ocpi-location-kit: /);
      const message = lines[0]?.replace('ocpi-location-kit: ', '');
      if (typeof expected === 'string') expect(message).toBe(expected);
      else expect(message).toMatch(expected);
      expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
      expect(run.stdout).toBe('');
    },
  );
});
