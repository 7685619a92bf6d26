import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../core/config-error.ts';
import { fromOcpiLocation } from '../core/ocpi/from-ocpi.ts';
import { readOcpiInput } from '../core/ocpi/read-ocpi-input.ts';
import {
  formatConversionText,
  locationLabel,
  reportUnconvertible,
  summariseConversions,
} from '../core/report/from-ocpi-report.ts';
import { createValidator } from '../core/validation/validator.ts';
import { loadSpec } from '../node/load-spec.ts';
import { defineCommand } from './command.ts';
import { UsageError } from './parse-argv.ts';
import { readInput } from './read-input.ts';

/** `from-ocpi`: OCPI 2.2.1 Locations in, addLocation bodies out, with what was lost. */
export const fromOcpiCommand = defineCommand({
  name: 'from-ocpi',
  summary: 'convert OCPI 2.2.1 Location data into addLocation bodies (and report what is dropped)',
  arguments: '<file|->',
  description: `Converts OCPI 2.2.1 Location data into addLocation bodies, by the mapping recorded in openapi.yaml.
Input: one Location object, a JSON array of them, an OCPI response ({"data": [...], "status_code": 1000, ...}),
or NDJSON (one Location per line). By default stdout has the body as JSON for one Location, a JSON array for an
array, a page or NDJSON.`,
  options: {
    ndjson: { type: 'boolean', help: 'stdout: one body per line' },
    out: {
      type: 'string',
      short: 'o',
      value: 'DIR',
      help: 'one file per location, DIR/<OCPI id>.json; stdout lists the files written',
    },
    report: {
      type: 'string',
      choices: ['text', 'json'],
      default: 'text',
      help: 'the report on stderr of what was dropped and what the validator found',
    },
    strict: { type: 'boolean', help: 'validate the bodies with OCPI 2.2.1 rule breaches as errors' },
    spec: {
      type: 'string',
      value: 'FILE',
      help: "convert and validate by another OpenAPI file (default: the project's)",
    },
  },
  footer:
    'Exit codes: 0 every body has no errors, 1 a body has errors, 2 usage error, or an input that is unreadable, not JSON or holds no Location.',
  async run({ values, positionals }) {
    const report = values.report;
    if (values.ndjson && values.out !== undefined)
      throw new UsageError('--ndjson and --out exclude each other');
    if (values.out === '') throw new UsageError('--out needs a directory');
    const [name, ...extra] = positionals;
    if (name === undefined) throw new UsageError('name one OCPI file, or - for stdin');
    if (extra.length > 0) throw new UsageError(`name one input only; got ${positionals.length}`);
    const label = name === '-' ? 'stdin' : name;
    const strict = values.strict === true;
    // An input with nothing to convert is exit 2: one line, or with --report json the envelope saying why.
    const refuse = (code: string, message: string): number => {
      if (report !== 'json') throw new ConfigError(message);
      process.stderr.write(`${JSON.stringify(reportUnconvertible(label, code, message, strict), null, 2)}\n`);
      return 2;
    };
    let text: string;
    try {
      text = await readInput(name);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return refuse('input-unreadable', error.message);
    }
    const input = readOcpiInput(text);
    if (!input.ok) return refuse('input-invalid', `${label}: ${input.message}`);
    const validator = createValidator(loadSpec(values.spec));
    const converted = input.locations.map((location) => ({
      location,
      result: fromOcpiLocation(location, { validator, strict }),
    }));
    const bodies = converted.map(({ result }) => result.body);
    if (values.out !== undefined) {
      for (const file of await writeBodies(values.out, converted)) process.stdout.write(`${file}\n`);
    } else if (values.ndjson) {
      process.stdout.write(bodies.map((body) => `${JSON.stringify(body)}\n`).join(''));
    } else {
      const output = input.many ? bodies : bodies[0];
      process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    }
    const run = summariseConversions(label, input.form, strict, converted);
    process.stderr.write(report === 'json' ? `${JSON.stringify(run, null, 2)}\n` : formatConversionText(run));
    return run.ok ? 0 : 1;
  },
});

/** Writes one file per body, named after the OCPI id (made safe for a file name, and unique in the run). */
async function writeBodies(
  dir: string,
  converted: ReadonlyArray<{ location: unknown; result: { body: unknown } }>,
): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new ConfigError(
      `--out ${dir}: cannot create the directory (${(error as NodeJS.ErrnoException).code})`,
    );
  }
  const taken = new Set<string>();
  const written: string[] = [];
  for (const [index, { location, result }] of converted.entries()) {
    const base = locationLabel(location, index)
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^\.+/, '_');
    let stem = base;
    for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${base}-${n}`;
    taken.add(stem.toLowerCase());
    const file = join(dir, `${stem}.json`);
    try {
      await writeFile(file, `${JSON.stringify(result.body, null, 2)}\n`);
    } catch (error) {
      throw new ConfigError(`${file}: cannot write (${(error as NodeJS.ErrnoException).code})`);
    }
    written.push(file);
  }
  return written;
}
