import { parseArgs } from 'node:util';
import { ConfigError } from '../config-error.ts';
import { loadSpec } from '../openapi/load-spec.ts';
import { comparePacts } from '../pact/compare-pacts.ts';
import { formatJson, formatJunit, formatText, totalsOf } from '../pact/compare-report.ts';
import { readPacts } from '../pact/read-pacts.ts';
import type { Command } from './command.ts';

const usage = `Usage: ocpi-location-kit compare [--pacts FILE|DIR] [--spec openapi.yaml] [--format text|json|junit]

Checks pact files against the OpenAPI contract, so that a consumer never relies on something the spec does
not promise (requests the spec would refuse, response fields or statuses it does not define).
  --pacts FILE|DIR  a pact file, or a directory of them (default: contracts/pacts/)
  --spec FILE       the OpenAPI file (default: the project's openapi.yaml)
  --format FORMAT   text (default), json or junit
Exit codes: 0 no errors (warnings allowed), 1 at least one error, 2 usage error or unreadable file.`;

const formats = ['text', 'json', 'junit'] as const;

/** `compare`: pacts against openapi.yaml with @pactflow/openapi-pact-comparator. */
export const compareCommand: Command = {
  summary: 'check pact files against openapi.yaml (no reliance on unpromised behaviour)',
  async run(argv) {
    let values: { pacts?: string; spec?: string; format?: string; help?: boolean };
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          pacts: { type: 'string' },
          spec: { type: 'string' },
          format: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      throw new ConfigError(`compare: ${(error as Error).message}`);
    }
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    const format = values.format ?? 'text';
    if (!(formats as readonly string[]).includes(format)) {
      throw new ConfigError(`--format must be one of ${formats.join(', ')}; got "${format}"`);
    }
    const spec = loadSpec(values.spec);
    const results = await comparePacts(spec, readPacts(values.pacts));
    const write = { text: formatText, json: formatJson, junit: formatJunit }[
      format as (typeof formats)[number]
    ];
    process.stdout.write(write(results, spec.path));
    return totalsOf(results).errors > 0 ? 1 : 0;
  },
};
