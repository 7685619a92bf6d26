import type { Spec } from '../core/openapi/spec.ts';
import { comparePacts } from './compare-pacts.ts';
import type { Finding } from './finding.ts';
import { readPacts } from './read-pacts.ts';
import { type RecordedSource, writeRecordedPact } from './write-recorded-pact.ts';

/** A recorded pact on disk and what the compare engine says of it. */
export interface SavedPact {
  readonly path: string;
  /** The comparator's errors and warnings; a recorded pact should have none. */
  readonly findings: readonly Finding[];
}

/** Writes a recorder's pact (merged with the other workers' shards) and checks it with `compare`'s engine. */
export async function saveRecordedPact(spec: Spec, dir: string, source: RecordedSource): Promise<SavedPact> {
  const path = await writeRecordedPact(dir, source);
  const [comparison] = await comparePacts(spec, readPacts(path));
  return { path, findings: comparison?.findings ?? [] };
}
