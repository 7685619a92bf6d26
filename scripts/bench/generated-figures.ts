// `npm run bench:generated`: what the validators generated from the spec did to start-up, measured side by side
// in one run, and the static checker's size. Each figure is the median of cold child processes, alternating the
// two ways (generated code, or the same spec compiled by ajv at start-up, as before) so load hits both alike.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { recordFigures } from '../../scripts/doc-figures.ts';

// The figures printed below are written into the docs when the run ends (`--json` leaves the docs alone).
recordFigures('generated');

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const runs = Number(process.env.RUNS ?? 9);
const payload = join(root, 'test/fixtures/payloads/invalid-oulu-errors-at-every-depth.json');

// A child that starts, validates one file (or starts the mock and gets its first 200), and prints the ms it took
// from its own start; `compile` gives the spec another digest, so the generated code cannot be used.
const validateChild = `
const t0 = performance.timeOrigin;
const { loadSpec } = await import(${JSON.stringify(join(root, 'dist/src/node/load-spec.js'))});
const { createValidator } = await import(${JSON.stringify(join(root, 'dist/src/core/validation/validator.js'))});
const { reportPayload } = await import(${JSON.stringify(join(root, 'dist/src/core/report/report-payload.js'))});
const fs = await import('node:fs');
const spec = loadSpec();
const validator = createValidator(process.argv[1] === 'compile' ? { ...spec, digest: 'compile' } : spec);
const report = reportPayload(validator, 'payload', fs.readFileSync(${JSON.stringify(payload)}, 'utf8'), false);
if (report.errors < 1) throw new Error('expected errors');
console.log(Date.now() - t0);
`;
const mockChild = `
const t0 = performance.timeOrigin;
const { loadSpec } = await import(${JSON.stringify(join(root, 'dist/src/node/load-spec.js'))});
const { serveMock } = await import(${JSON.stringify(join(root, 'dist/mock/server/node-server.js'))});
const spec = loadSpec();
const running = await serveMock({ port: 0, spec: process.argv[1] === 'compile' ? { ...spec, digest: 'compile' } : spec });
const answer = await fetch(running.url + '/integrations/int-tampere-roaming/locations', {
  method: 'POST', headers: { 'x-api-key': 'demo-api-key', 'content-type': 'application/json' }, body: '{"name":5}' });
if (answer.status !== 400) throw new Error('expected 400, got ' + answer.status);
const ms = Date.now() - t0;
await running.close();
console.log(ms);
`;

function time(script: string, mode: string): number {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, mode], {
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(child.stderr);
  return Math.round(Number(child.stdout.trim()));
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

function compare(label: string, script: string): void {
  const generated: number[] = [];
  const compiled: number[] = [];
  for (let i = 0; i < runs; i++) {
    generated.push(time(script, 'generated'));
    compiled.push(time(script, 'compile'));
  }
  const g = median(generated);
  const c = median(compiled);
  console.log(
    `${label}: ${g} ms with the generated validators, ${c} ms compiling at start-up (${(c / g).toFixed(2)}x)`,
  );
}

compare('validate one file with errors, from process start', validateChild);
compare('mock to its first answer (a 400 with issues), from process start', mockChild);
const bare = median(
  Array.from({ length: runs }, () => time('console.log(Date.now() - performance.timeOrigin)', 'x')),
);
console.log(`bare node, for scale: ${bare} ms`);

const script = readFileSync(join(root, 'dist/checker/checker.js'));
const page = readFileSync(join(root, 'dist/checker/index.html'));
console.log(
  `static checker: checker.js ${(script.byteLength / 1024).toFixed(0)} KiB (${(gzipSync(script).byteLength / 1024).toFixed(0)} KiB gzip), index.html ${(page.byteLength / 1024).toFixed(0)} KiB`,
);

// The static checker's time to its first result, in headless Chromium from a file: load, pick the complete
// sample, read the verdict (median of several fresh pages).
const { launchChromium } = await import('../../test/browser/chromium.ts');
const browser = await launchChromium();
try {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    await page.goto(`file://${join(root, 'dist/checker/index.html')}`);
    await page.locator('button[data-sample="completeSite"]').click();
    await page.locator('#verdict[data-state="valid"]').waitFor();
    times.push(await page.evaluate(() => performance.now()));
    await page.close();
  }
  console.log(
    `static checker: first result for the complete sample ${median(times).toFixed(0)} ms after navigation`,
  );
} finally {
  await browser.close();
}
