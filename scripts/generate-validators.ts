// Writes the validators of openapi.yaml as ajv standalone code (src/generated/validators-*.js), so the validator,
// the mock and the browser page compile nothing at run time (no `new Function`: a strict Content-Security-Policy
// holds), and the spec's document as data (spec-document.js), so they need no file. `--check` fails when they
// are not what openapi.yaml gives.
import { readFileSync, writeFileSync } from 'node:fs';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createSchemaAjvs, parameterKey, refTo } from '../src/core/validation/validator-sources.ts';
import { loadSpec } from '../src/node/load-spec.ts';

const spec = loadSpec('openapi.yaml');
const { report, clean } = createSchemaAjvs(spec, true);
const { operation } = spec;
const reportRefs: Record<string, string> = { body: refTo(operation.bodyPointer) };
operation.parameters.forEach((parameter, i) => {
  reportRefs[`parameter${i}`] = refTo(parameter.schemaPointer);
});
const parameterNames = operation.parameters.map(parameterKey);

/** ajv's ESM output still `require`s its runtime helpers and formats: imports instead, one per module. */
function asModule(code: string): string {
  const modules = new Map<string, string>();
  const body = code.replace(/require\("([^"]+)"\)/g, (_, name: string) => {
    let id = modules.get(name);
    if (!id) {
      id = `runtime${modules.size}`;
      modules.set(name, id);
    }
    return id;
  });
  // A CommonJS module's namespace differs by loader: Node puts module.exports under `default`, bundlers (and
  // vitest) honour `__esModule`; `cjs` picks the object ajv's code expects either way.
  const imports = [...modules].map(
    ([name, id]) =>
      `import * as ${id}Module from ${JSON.stringify(`${name}.js`)};\nconst ${id} = cjs(${id}Module);`,
  );
  const cjs =
    'function cjs(ns) { const d = ns.default; return d && typeof d === "object" && "default" in d ? d : ns; }';
  return `${imports.join('\n')}\n${cjs}\n${body.replace(/^"use strict";/, '')}\n`;
}

const header = `// Generated from openapi.yaml by scripts/generate-validators.ts (npm run generate). Do not edit by hand.
export const specDigest = ${JSON.stringify(spec.digest)};
`;
const files: Record<string, string> = {
  'src/generated/spec-document.js': `${header}export const document = ${JSON.stringify(spec.doc)};\n`,
  'src/generated/validators-report.js': `${header}export const parameterNames = ${JSON.stringify(parameterNames)};\n${asModule(standaloneCode.default(report, reportRefs))}`,
  'src/generated/validators-clean.js':
    header + asModule(standaloneCode.default(clean, { clean: refTo(operation.bodyPointer) })),
};

if (process.argv.includes('--check')) {
  const stale = Object.entries(files).filter(([file, text]) => {
    try {
      return readFileSync(file, 'utf8') !== text;
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    process.stderr.write(
      `${stale.map(([file]) => file).join(', ')}: not what openapi.yaml gives; run npm run generate\n`,
    );
    process.exit(1);
  }
} else {
  for (const [file, text] of Object.entries(files)) writeFileSync(file, text);
}
