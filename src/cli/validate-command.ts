import { ConfigError } from '../core/config-error.ts';
import { reportPayload, reportUnreadable, summariseReports } from '../core/report/report-payload.ts';
import { type FileReport, formatJunit, formatText } from '../core/report/validate-report.ts';
import { createValidator } from '../core/validation/validator.ts';
import { loadSpec } from '../node/load-spec.ts';
import { defineCommand } from './command.ts';
import { UsageError } from './parse-argv.ts';
import { readInput } from './read-input.ts';

/** `validate`: the partner-facing payload checker. */
export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'check request bodies against openapi.yaml and the OCPI 2.2.1 rules',
  arguments: '<file...|->',
  description: 'Checks addLocation request bodies against openapi.yaml before they are sent to eMabler.',
  options: {
    strict: {
      type: 'boolean',
      help: 'report OCPI 2.2.1 rule breaches and unknown properties (the API drops them) as errors, not warnings',
    },
    format: {
      type: 'string',
      short: 'f',
      choices: ['text', 'json', 'junit'],
      default: 'text',
      help: 'text, json (one document, machine-readable issues) or junit (XML for CI)',
    },
    spec: {
      type: 'string',
      value: 'FILE',
      help: "validate against another OpenAPI file (default: the project's)",
    },
  },
  footer: 'Exit codes: 0 no errors, 1 errors in a payload, 2 usage error or unreadable/non-JSON input.',
  async run({ values, positionals }) {
    const format = values.format;
    if (positionals.length === 0) throw new UsageError('name at least one payload file, or - for stdin');
    if (positionals.filter((name) => name === '-').length > 1)
      throw new UsageError('stdin (-) can be named only once');
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
        files.push(reportUnreadable(file, error.message, strict));
        continue;
      }
      const checked = reportPayload(validator, file, text, strict);
      if (checked.inputError) inputErrors.push(`${file}: ${checked.inputError}`);
      files.push(checked);
    }
    const report = summariseReports(files);
    if (format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (format === 'junit') process.stdout.write(formatJunit(report));
    else process.stdout.write(formatText(report, spec));
    // Unreadable or non-JSON input is the caller's mistake: one line each on stderr, exit 2 (it outranks 1).
    for (const message of inputErrors) process.stderr.write(`ocpi-location-kit: ${message}\n`);
    return inputErrors.length > 0 ? 2 : report.ok ? 0 : 1;
  },
});
