import type { Spec } from '../../src/openapi/spec.ts';
import type { Issue } from '../../src/validation/types.ts';
import { Ring } from './ring.ts';

/** One request as `GET /__mock/requests` shows it. Credentials are never stored: query keys are masked. */
export interface JournalEntry {
  readonly time: string;
  readonly method: string;
  readonly path: string;
  /** The query string with every credential's value replaced by `***`; absent when there was none. */
  readonly query?: string;
  readonly status: number;
  readonly durationMs: number;
  readonly issues: readonly Issue[];
  readonly createdId?: string;
}

/** The bounded request journal. */
export interface Journal {
  record(entry: JournalEntry): void;
  /** Oldest first; `limit` keeps the newest. */
  list(limit?: number): { entries: JournalEntry[]; dropped: number; capacity: number };
  clear(): void;
  /** Masks the credentials of a raw query string (without `?`). */
  redactQuery(query: string): string;
}

/** Creates a journal that holds at most `capacity` requests. */
export function createJournal(spec: Spec, capacity = 500): Journal {
  const ring = new Ring<JournalEntry>(capacity);
  const secret = new Set(
    spec.operation.security
      .flat()
      .filter((c) => c.in === 'query')
      .map((c) => c.name),
  );
  return {
    record: (entry) => ring.push(entry),
    list: (limit) => ({ entries: ring.toArray(limit), dropped: ring.dropped, capacity }),
    clear: () => ring.clear(),
    redactQuery(query) {
      const params = new URLSearchParams(query);
      const out = new URLSearchParams();
      for (const [name, value] of params) out.append(name, secret.has(name) ? '***' : value);
      return out.toString().replaceAll('%2A', '*');
    },
  };
}
