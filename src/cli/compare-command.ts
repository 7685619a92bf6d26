import { loadSpec } from '../node/load-spec.ts';
import { comparePacts } from '../pact/compare-pacts.ts';
import { formatJson, formatJunit, formatText, totalsOf } from '../pact/compare-report.ts';
import { defaultPactDirs, findProjectPacts } from '../pact/find-pacts.ts';
import { readPacts } from '../pact/read-pacts.ts';
import { defineCommand } from './command.ts';

/** `compare`: pacts against openapi.yaml with @pactflow/openapi-pact-comparator. */
export const compareCommand = defineCommand({
  name: 'compare',
  summary: 'check pact files against openapi.yaml (no reliance on unpromised behaviour)',
  description: `Checks pact files against the OpenAPI contract, so that a consumer never relies on something the spec does
not promise (requests the spec would refuse, response fields or statuses it does not define).`,
  options: {
    pacts: {
      type: 'string',
      value: 'FILE|DIR',
      help: `a pact file, or a directory of them (default: the project's ./${defaultPactDirs.join(', then ./')})`,
    },
    spec: { type: 'string', value: 'FILE', help: "the OpenAPI file (default: the project's openapi.yaml)" },
    format: { type: 'string', choices: ['text', 'json', 'junit'], default: 'text', help: 'the report' },
  },
  footer:
    'Exit codes: 0 no errors (warnings allowed), 1 at least one error, 2 usage error or unreadable file.',
  async run({ values }) {
    const spec = loadSpec(values.spec);
    const results = await comparePacts(spec, readPacts(values.pacts ?? findProjectPacts()));
    const write = { text: formatText, json: formatJson, junit: formatJunit }[values.format];
    process.stdout.write(write(results, spec.path));
    return totalsOf(results).errors > 0 ? 1 : 0;
  },
});
