import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversionRunReport } from '../../src/core/report/from-ocpi-report.ts';
import { type CliRun, runCli } from './mock-process.ts';

const ocpi = (name: string) => `test/fixtures/ocpi/${name}`;
const cli = (args: string[], stdin = ''): Promise<CliRun> => runCli(['from-ocpi', ...args], stdin);

let temp: string;
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'ocpi-from-'));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('from-ocpi', () => {
  it('prints one body for one location, exits 0 and reports each dropped field on stderr', async () => {
    const run = await cli([ocpi('location-gent-zuid-two-evses.json')]);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout);
    expect(body).toMatchObject({ name: 'Gent Zuid', postalCode: '9000', timezone: 'Europe/Brussels' });
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('LOC1: dropped '))).toEqual([
      expect.stringMatching(/^LOC1: dropped \/country_code: /),
      expect.stringMatching(/^LOC1: dropped \/party_id: /),
      expect.stringMatching(/^LOC1: dropped \/id: /),
      "LOC1: dropped /evses: eMabler adds the site's chargers itself unless excludeChargers=true; its charger fields are not published (2 entries)",
      expect.stringMatching(/^LOC1: dropped \/last_updated: /),
    ]);
    expect(lines.at(-1)).toBe(
      'from-ocpi: 1 location converted: 1 without errors, 0 with errors; 5 fields dropped',
    );
  });

  it('turns an OCPI response page of two locations into an array of two bodies', async () => {
    const run = await cli([ocpi('envelope-two-locations.json')]);
    expect(run.code).toBe(0);
    const bodies = JSON.parse(run.stdout) as Array<
      Record<string, { isGreenEnergy?: boolean; energySources?: unknown[] }>
    >;
    expect(bodies).toHaveLength(2);
    expect(bodies.map((body) => body.locationEnergyMix?.isGreenEnergy)).toEqual([true, true]);
    expect(bodies.map((body) => body.locationEnergyMix?.energySources?.length)).toEqual([2, 1]);
  });

  it('reads NDJSON from stdin and writes NDJSON with --ndjson', async () => {
    const run = await cli(['--ndjson', '-'], readFileSync(ocpi('ndjson-espoo-and-turku.ndjson'), 'utf8'));
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).city)).toEqual(['Espoo', 'Turku']);
  });

  it('writes one file per location named after the OCPI id with --out', async () => {
    const out = join(temp, 'bodies');
    const run = await cli(['--out', out, ocpi('envelope-two-locations.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      join(out, 'OULU-KAUPPATORI.json'),
      join(out, 'OULU-LINNANMAA.json'),
    ]);
    expect(readdirSync(out).sort()).toEqual(['OULU-KAUPPATORI.json', 'OULU-LINNANMAA.json']);
    expect(JSON.parse(readFileSync(join(out, 'OULU-LINNANMAA.json'), 'utf8')).name).toBe('Linnanmaa kampus');
  });

  it('keeps --out file names safe and unique, and names a location without an id by its place', async () => {
    const out = join(temp, 'unique');
    const page = [{ id: 'A/B', time_zone: 'Europe/Helsinki' }, { id: 'a/b' }, { name: 'No id' }];
    const run = await cli(['--out', out, '-'], JSON.stringify(page));
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['A_B.json', 'a_b-2.json', 'location_3.json']);
  });

  it('validates under --strict with OCPI 2.2.1 rule breaches as errors', async () => {
    const location = JSON.stringify({ id: 'NO-ZONE', name: 'No time zone' });
    expect((await cli(['-'], location)).code).toBe(0);
    const strict = await cli(['--strict', '-'], location);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('NO-ZONE: error /timezone  timezone is missing');
    expect(strict.stderr).toContain(
      'from-ocpi: 1 location converted (strict): 0 without errors, 1 with errors',
    );
  });

  it('gives the report as data with --report json', async () => {
    const run = await cli(['--report', 'json', ocpi('location-malmo-parking-garage-opening-hours.json')]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stderr) as ConversionRunReport;
    expect(report).toMatchObject({ tool: 'ocpi-location-kit', version: 1, command: 'from-ocpi', ok: true });
    expect(report.results[0]).toMatchObject({
      input: ocpi('location-malmo-parking-garage-opening-hours.json'),
      form: 'object',
      strict: false,
    });
    expect(report.results[0]?.dropped.map((field) => field.field)).toEqual([
      'country_code',
      'party_id',
      'id',
      'evses',
      'charging_when_closed',
      'last_updated',
    ]);
    expect(report.summary).toEqual({
      errors: 0,
      warnings: 0,
      locations: 1,
      withoutErrors: 1,
      withErrors: 0,
      dropped: 6,
    });
  });

  it.each([
    ['an empty array', '[]', 'stdin: the input is an empty array; it holds no OCPI Location'],
    [
      'an OCPI page with no data',
      '{"data":[],"status_code":1000,"timestamp":"2026-12-01T10:00:00Z"}',
      'stdin: the OCPI response holds no Location (its data is an empty array)',
    ],
  ])('exits 2 with one line on %s', async (_, text, message) => {
    const run = await cli(['-'], text);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`ocpi-location-kit: ${message}\n`);
  });

  it('reports a missing input as an issue of its own with --report json, and exits 2', async () => {
    const run = await cli(['--report', 'json', 'no-such-page.json']);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stderr) as ConversionRunReport;
    expect(report).toMatchObject({ command: 'from-ocpi', ok: false, summary: { errors: 1, locations: 0 } });
    expect(report.results[0]?.issues).toEqual([
      {
        severity: 'error',
        code: 'input-unreadable',
        instancePath: '',
        specPointer: '',
        message: 'no-such-page.json: no such file',
      },
    ]);
  });

  it('exits 1 when a converted body has errors, and names them', async () => {
    const run = await cli([ocpi('broken-coordinates-as-numbers-and-unknown-parking.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'TRE-BROKEN: error /coordinates/latitude  coordinates.latitude must be a string',
    );
    expect(run.stderr).toContain('TRE-BROKEN: error /parkingType  parkingType must be one of');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(
      'from-ocpi: 1 location converted: 0 without errors, 1 with errors; 5 fields dropped',
    );
  });

  it.each([
    [
      'unparsable-trailing-comma.json',
      'ocpi-location-kit: test/fixtures/ocpi/unparsable-trailing-comma.json: the input is not valid JSON at line 4, column 1: Expected double-quoted property name',
    ],
    [
      'broken-envelope-with-error-status.json',
      'ocpi-location-kit: test/fixtures/ocpi/broken-envelope-with-error-status.json: the OCPI response holds no Location (data is null; status_code 2001 (Invalid or missing parameters))',
    ],
  ])('exits 2 with one line for %s', async (file, line) => {
    const run = await cli([ocpi(file)]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${line}\n`);
  });

  it.each([
    [['-'], 'this is not json\n', 'ocpi-location-kit: stdin: the input is not valid JSON'],
    [['-'], '{"id":"A"}\nnot json\n', 'ocpi-location-kit: stdin: line 2 of the NDJSON input is not JSON'],
    [
      ['-'],
      '42',
      'ocpi-location-kit: stdin: expected an OCPI Location object, an array of them or an OCPI response; got a number',
    ],
    [['missing.json'], '', 'ocpi-location-kit: missing.json: no such file'],
    [
      [],
      '',
      'ocpi-location-kit: from-ocpi: name one OCPI file, or - for stdin (see ocpi-location-kit from-ocpi --help)',
    ],
    [
      ['--ndjson', '--out', 'x', '-'],
      '{}',
      'ocpi-location-kit: from-ocpi: --ndjson and --out exclude each other',
    ],
    [
      ['--report', 'xml', '-'],
      '{}',
      'ocpi-location-kit: from-ocpi: --report must be one of text, json; got "xml"',
    ],
    [
      ['--frobnicate', '-'],
      '{}',
      'ocpi-location-kit: from-ocpi: unknown option --frobnicate (see ocpi-location-kit from-ocpi --help)',
    ],
  ])('exits 2 with one line for %j', async (args, stdin, start) => {
    const run = await cli(args, stdin);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr.startsWith(start)).toBe(true);
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+\)/);
  });
});

describe('validate on raw OCPI data', () => {
  it('exits 1 under --strict, with each OCPI name an error', async () => {
    const run = await runCli(['validate', '--strict', ocpi('location-koln-home-charger.json')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '  error   /postal_code  postal_code is the OCPI 2.2.1 name of postalCode; the API ignores it, so the postal code is lost. Rename it to postalCode',
    );
    expect(run.stdout).toContain('  error   /time_zone  ');
  });

  it('says once that the payload looks like an OCPI Location and names from-ocpi', async () => {
    const run = await runCli(['validate', ocpi('location-koln-home-charger.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout.match(/looks like an OCPI 2\.2\.1 Location/g)).toHaveLength(1);
    expect(run.stdout).toContain('convert it with `ocpi-location-kit from-ocpi`');
  });

  it('finds no error in what from-ocpi made of it', async () => {
    const converted = await cli([ocpi('location-koln-home-charger.json')]);
    const run = await runCli(['validate', '--strict', '-'], converted.stdout);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'stdin: valid (0 errors, 0 warnings, enum form: names)\n1 file checked (strict): 1 valid, 0 invalid; 0 errors, 0 warnings\n',
    );
  });
});
