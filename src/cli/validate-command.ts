import { ConfigError } from '../config-error.ts';
import { loadSpec } from '../openapi/load-spec.ts';
import { reportPayload, summariseReports } from '../report/report-payload.ts';
import { type FileReport, formatJunit, formatText } from '../report/validate-report.ts';
import { createValidator } from '../validation/validator.ts';
import type { Command } from './command.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { readInput } from './read-input.ts';

const usage = `Usage: ocpi-location-kit validate <file...|-> [--strict] [--format text|json|junit] [--spec openapi.yaml]

Checks addLocation request bodies against openapi.yaml before they are sent to eMabler.
  --strict         report OCPI 2.2.1 rule breaches as errors instead of warnings
  --format FORMAT  text (default), json (one document, machine-readable issues) or junit (XML for CI)
  --spec FILE      validate against another OpenAPI file (default: the project's openapi.yaml)
Exit codes: 0 no errors, 1 errors in a payload, 2 usage error or unreadable/non-JSON input.`;

const formats = ['text', 'json', 'junit'] as const;

/** `validate`: the partner-facing payload checker. */
export const validateCommand: Command = {
  summary: 'check request bodies against openapi.yaml and the OCPI 2.2.1 rules',
  async run(argv) {
    const { values, positionals } = parseOptions(argv);
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    const format = values.format ?? 'text';
    if (!(formats as readonly string[]).includes(format)) {
      throw new ConfigError(`--format must be one of ${formats.join(', ')}; got "${format}"`);
    }
    if (positionals.length === 0)
      throw new ConfigError('name at least one payload file, or - for stdin (see --help)');
    if (positionals.filter((name) => name === '-').length > 1)
      throw new ConfigError('stdin (-) can be named only once');
    const spec = loadSpec(values.spec);
    const validator = createValidator(spec);
    const strict = values.strict === true;
    const files: FileReport[] = [];
    const inputErrors: string[] = [];
    for (const name of positionals) {
      const file = name === '-' ? 'stdin' : name;
      let text: string;
      try {
        text = await readInput(name);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        inputErrors.push(error.message);
        files.push({ file, valid: false, errors: 1, warnings: 0, issues: [], inputError: error.message });
        continue;
      }
      const checked = reportPayload(validator, file, text, strict);
      if (checked.inputError) inputErrors.push(`${file}: ${checked.inputError}`);
      files.push(checked);
    }
    const report = summariseReports(files, strict);
    if (format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (format === 'junit') process.stdout.write(formatJunit(report));
    else process.stdout.write(formatText(report, spec));
    // Unreadable or non-JSON input is the caller's mistake: one line each on stderr, exit 2 (it outranks 1).
    for (const message of inputErrors) process.stderr.write(`ocpi-location-kit: ${message}\n`);
    return inputErrors.length > 0 ? 2 : report.valid ? 0 : 1;
  },
};

function parseOptions(argv: string[]) {
  return parseCommandLine({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      strict: { type: 'boolean' },
      format: { type: 'string', short: 'f' },
      spec: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
