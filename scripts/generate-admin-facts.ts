// Writes src/generated/admin-facts.ts: the mock's admin paths, taken from mock/admin.openapi.yaml as api-facts.ts
// is from openapi.yaml, so the routes, the Pact provider-state setup, the banner and the checker page name
// them once. `--check` fails when the file is not what the document gives.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const source = 'mock/admin.openapi.yaml';
const target = 'src/generated/admin-facts.ts';
const document = parse(readFileSync(source, 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string }>>;
};

const paths = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.values(item).flatMap((operation) => (operation.operationId ? [[operation.operationId, path]] : [])),
);
const prefixes = new Set(paths.map(([, path]) => `/${path?.split('/')[1]}`));
const [prefix] = prefixes;
if (prefixes.size !== 1 || !prefix)
  throw new Error(`${source}: every admin path needs the same first segment`);

const text = `// Generated from mock/admin.openapi.yaml by scripts/generate-admin-facts.ts (npm run generate). Do not edit by hand.

/** The first segment of every admin route of the mock. */
export const adminPrefix = ${JSON.stringify(prefix)};
/** Each admin route's path, by its operationId. */
export const adminPaths = {
${paths.map(([id, path]) => `  ${id}: ${JSON.stringify(path)},`).join('\n')}
} as const;
`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is stale, like a different one.
  }
  if (current !== text) {
    process.stderr.write(`${target} is not what ${source} gives; run npm run generate\n`);
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
}
