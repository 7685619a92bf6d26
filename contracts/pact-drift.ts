/**
 * The committed pact against the one the consumer tests just generated. The tests only ever compare, in CI and
 * locally alike, so a pact edited by hand or left stale fails every run; `npm run pact:generate` (which sets
 * `OCPI_KIT_PACT_GENERATE=1`) is the one way the committed file is rewritten.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { packageRoot } from '../src/node/package-root.ts';

/** The variable `npm run pact:generate` sets to copy the fresh pact over the committed one. */
export const generateVariable = 'OCPI_KIT_PACT_GENERATE';

/** What became of the committed pact: the same, rewritten (generate mode), or different and left as it was. */
export type PactDrift = { ok: true; wrote: boolean } | { ok: false; message: string };

/** Compares `fresh` with `committedFile` byte for byte; writes it there only when `env` asks to generate. */
export function checkPactDrift(fresh: string, committedFile: string, env = process.env): PactDrift {
  let committed: string | undefined;
  try {
    committed = readFileSync(committedFile, 'utf8');
  } catch {
    committed = undefined;
  }
  if (env[generateVariable] === '1') {
    if (committed === fresh) return { ok: true, wrote: false };
    writeFileSync(`${committedFile}.tmp`, fresh);
    renameSync(`${committedFile}.tmp`, committedFile);
    return { ok: true, wrote: true };
  }
  if (committed === fresh) return { ok: true, wrote: false };
  const inside = relative(packageRoot, committedFile);
  const name = inside.startsWith('..') ? committedFile : inside;
  const what = committed === undefined ? 'is missing' : 'differs from the pact the consumer tests generate';
  return { ok: false, message: `${name} ${what}: run "npm run pact:generate" and commit it` };
}
