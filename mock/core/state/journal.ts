import { createQueryRedactor } from '../../../src/core/openapi/redact-query.ts';
import type { Spec } from '../../../src/core/openapi/spec.ts';
import type { Issue } from '../../../src/core/validation/types.ts';
import { approximateBytes, truncateText } from './bytes.ts';
import { defaultStateLimits, type StateLimits } from './limits.ts';
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
  /** Issues left out to keep the entry under the per-item limit. */
  readonly issuesDropped?: number;
}

/** The bounded request journal. */
export interface Journal {
  record(entry: JournalEntry): void;
  /** Oldest first; `limit` keeps the newest. */
  list(limit?: number): { entries: JournalEntry[]; dropped: number; capacity: number };
  /** The ring itself, for paged listings (sequence numbers are the cursors). */
  readonly ring: Ring<JournalEntry>;
  clear(): void;
  /** Masks the credentials of a raw query string (without `?`). */
  redactQuery(query: string): string;
}

/** Longest text kept in a journal entry's issue (a message quoting a 900 KB property name, say). */
const maxIssueText = 1024;

/** Creates a journal that holds at most `capacity` requests and `limits.journalBytes` bytes. */
export function createJournal(
  spec: Spec,
  capacity = 500,
  limits: Pick<StateLimits, 'journalBytes' | 'journalItemBytes'> = defaultStateLimits,
): Journal {
  const ring = new Ring<JournalEntry>(capacity, limits.journalBytes);
  return {
    record(entry) {
      const bytes = approximateBytes(entry);
      if (bytes <= limits.journalItemBytes) ring.push(entry, bytes);
      else {
        const fitted = cutToFit(entry, limits.journalItemBytes);
        ring.push(fitted, approximateBytes(fitted));
      }
    },
    list: (limit) => ({ entries: ring.toArray(limit), dropped: ring.dropped, capacity }),
    ring,
    clear: () => ring.clear(),
    redactQuery: createQueryRedactor(spec),
  };
}

/** Cuts an entry to `maxBytes`: long texts in its issues first, then the issues that do not fit. */
function cutToFit(entry: JournalEntry, maxBytes: number): JournalEntry {
  const { issues, ...rest } = entry;
  const head = { ...rest, path: truncateText(rest.path, maxIssueText) };
  let budget = maxBytes - approximateBytes(head) - 64;
  const kept: Issue[] = [];
  for (const issue of issues) {
    const cut = cutIssue(issue);
    const bytes = approximateBytes(cut);
    if (bytes > budget) break;
    budget -= bytes;
    kept.push(cut);
  }
  return { ...head, issues: kept, issuesDropped: issues.length - kept.length };
}

function cutIssue(issue: Issue): Issue {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(issue)) {
    if (typeof value === 'string') out[key] = truncateText(value, maxIssueText);
    else if (Array.isArray(value)) out[key] = value.slice(0, 64);
    else out[key] = value;
  }
  return out as Issue;
}
