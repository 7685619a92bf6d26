// Writes src/generated/api-facts.ts: the facts of the operation that code running without the spec (the typed
// client in a browser, say) needs, taken from openapi.yaml so that none is typed twice. `--check` fails when the
// file is not what openapi.yaml gives.
import { readFileSync, writeFileSync } from 'node:fs';
import { headerCredential } from '../src/core/openapi/operation.ts';
import { loadSpec } from '../src/node/load-spec.ts';

const target = 'src/generated/api-facts.ts';
const { operation } = loadSpec('openapi.yaml');
const apiKeyHeader = headerCredential(operation)?.name;
if (!apiKeyHeader) throw new Error('openapi.yaml: the operation needs an apiKey security scheme in a header');
const statuses = Object.keys(operation.responses).map(Number);

const text = `// Generated from openapi.yaml by scripts/generate-facts.ts (npm run generate). Do not edit by hand.

/** The operation's method. */
export const method = ${JSON.stringify(operation.method)};
/** The operation's path template. */
export const pathTemplate = ${JSON.stringify(operation.pathTemplate)};
/** The header that carries an API key (eMabler API v2). */
export const apiKeyHeader = ${JSON.stringify(apiKeyHeader)};
/** Every status the spec documents for the operation. */
export const documentedStatuses = ${JSON.stringify(statuses)} as const;
/** The names of the operation's request examples. */
export const requestExampleNames = ${JSON.stringify(Object.keys(operation.requestExamples))} as const;
`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is stale, like a different one.
  }
  if (current !== text) {
    process.stderr.write(`${target} is not what openapi.yaml gives; run npm run generate\n`);
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
}
