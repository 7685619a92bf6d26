import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectPactFile } from '../src/pact/participants.ts';
import { checkPactDrift, generateVariable } from './pact-drift.ts';

// The drift check the consumer tests end with, on a copy of the committed pact in a temp dir: what they generate
// is the committed pact as it is (the consumer tests prove that), so a copy edited by hand must fail the check.
const generated = readFileSync(projectPactFile, 'utf8');
const byHand = generated.replace('"Customer not found"', '"Customer not found!"');

let dir: string;
let committed: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ocpi-pact-drift-'));
  committed = join(dir, basename(projectPactFile));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the pact drift check', () => {
  it.each([
    ['with CI set', { CI: 'true' }],
    ['without CI', {}],
  ])(
    'fails on a pact edited by hand %s, naming the regenerate script, and leaves the file as it was',
    (_, env) => {
      expect(byHand).not.toBe(generated);
      writeFileSync(committed, byHand);
      expect(checkPactDrift(generated, committed, env)).toEqual({
        ok: false,
        message: `${committed} differs from the pact the consumer tests generate: run "npm run pact:generate" and commit it`,
      });
      expect(readFileSync(committed, 'utf8')).toBe(byHand);
    },
  );

  it('fails on a missing pact and writes none', () => {
    const drift = checkPactDrift(generated, committed, {});
    expect(drift).toMatchObject({
      ok: false,
      message: expect.stringContaining('is missing: run "npm run pact:generate"'),
    });
    expect(() => readFileSync(committed)).toThrow(/ENOENT/);
  });

  it('passes on the committed pact byte for byte', () => {
    copyFileSync(projectPactFile, committed);
    expect(checkPactDrift(generated, committed, { CI: 'true' })).toEqual({ ok: true, wrote: false });
  });

  it('fails on a difference of one byte', () => {
    writeFileSync(committed, `${generated}\n`);
    expect(checkPactDrift(generated, committed, {}).ok).toBe(false);
  });

  it(`copies the generated pact over an edited one only under ${generateVariable}=1, as npm run pact:generate does`, () => {
    writeFileSync(committed, byHand);
    expect(checkPactDrift(generated, committed, { [generateVariable]: '1' })).toEqual({
      ok: true,
      wrote: true,
    });
    expect(readFileSync(committed, 'utf8')).toBe(generated);
  });
});

describe('the committed pact', () => {
  it('is regenerated only by npm run pact:generate', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts['pact:generate']).toBe(
      `${generateVariable}=1 vitest run contracts/consumer.test.ts`,
    );
  });
});
