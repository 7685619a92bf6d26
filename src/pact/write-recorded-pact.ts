import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import { canonicalJson } from '../core/record/canonical-json.ts';
import { finalisePact, type Participants, pactText } from '../core/record/finalise-pact.ts';
import type { PactInteractionV4 } from '../core/record/pact-v4.ts';

/** What the writer needs of a recorder. */
export interface RecordedSource {
  readonly participants: Participants;
  interactions(): PactInteractionV4[];
}

/** A lock older than this was left by a process that died holding it. */
const staleLockMs = 30_000;

/**
 * Writes `<dir>/<consumer>-<provider>.json` safely when test workers record in parallel: each worker writes its
 * own shard (`<dir>/.shards/`), then, under a lock, the pact is rebuilt from every shard and renamed into place.
 * The last worker to finish therefore writes every interaction of the run, and none is lost to an overwrite.
 * Shards are named by test worker (Vitest's and Jest's worker ids are the same from run to run), so a run
 * replaces its own; delete `.shards` to forget interactions no test produces any more.
 */
export async function writeRecordedPact(
  dir: string,
  source: RecordedSource,
  shard = shardName(),
): Promise<string> {
  const { consumer, provider } = source.participants;
  const root = resolve(dir);
  const shards = join(root, '.shards');
  mkdirSync(shards, { recursive: true });
  const stem = `${consumer}-${provider}`;
  writeAtomically(join(shards, `${stem}.${shard}.json`), `${canonicalJson(source.interactions(), 2)}\n`);
  const file = join(root, `${stem}.json`);
  await withLock(join(root, `.${stem}.lock`), () => {
    const all: PactInteractionV4[] = [];
    for (const name of readdirSync(shards).sort()) {
      if (!name.startsWith(`${stem}.`) || !name.endsWith('.json')) continue;
      all.push(...(JSON.parse(readFileSync(join(shards, name), 'utf8')) as PactInteractionV4[]));
    }
    writeAtomically(file, pactText(finalisePact(source.participants, all)));
  });
  return file;
}

/** The shard of this test worker (stable across runs), or of this process and thread. */
function shardName(): string {
  const worker = process.env.VITEST_POOL_ID ?? process.env.JEST_WORKER_ID;
  return worker ? `worker-${worker}` : `pid-${process.pid}-${threadId}`;
}

/** Readers see the old file or the new one, never half of one. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** Runs `work` holding a lock directory (`mkdir` is atomic), retrying while another worker holds it. */
async function withLock(lock: string, work: () => void): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(lock)) rmSync(lock, { recursive: true, force: true });
      else await new Promise((done) => setTimeout(done, Math.min(5 + attempt * 5, 100)));
    }
  }
  try {
    work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function isStale(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > staleLockMs;
  } catch {
    return false;
  }
}
