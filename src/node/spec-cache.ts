import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from './sha256.ts';

/**
 * A build cache for specs, keyed by the SHA-256 of their text: the parsed document (YAML parsing is a sixth of
 * the mock's start-up) and whether its schemas already passed the JSON Schema meta-schema (another tenth). The
 * same text always parses to the same document, so an entry can never be stale; a missing or unreadable cache
 * only costs the time it would have saved.
 */
export interface CachedSpec {
  readonly doc: Record<string, unknown>;
  readonly schemasChecked: boolean;
}

/**
 * The user's cache directory (XDG Base Directory: `$XDG_CACHE_HOME`, else `~/.cache`), never the installed
 * package, which may be read-only or shared. `OCPI_KIT_CACHE_DIR` names another; `OCPI_KIT_CACHE_DIR=` (empty)
 * turns the cache off.
 */
export function specCacheDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const own = env.OCPI_KIT_CACHE_DIR;
  if (own !== undefined) return own === '' ? undefined : own;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'ocpi-location-kit', 'specs');
}

const directory = specCacheDirectory();

/** The cache key of a spec text. */
export function specDigest(text: string): string {
  return sha256Hex(text);
}

/** The cached parse of a spec text, if any. */
export function readCachedSpec(digest: string): CachedSpec | undefined {
  if (directory === undefined) return undefined;
  try {
    const entry = JSON.parse(readFileSync(join(directory, `${digest}.json`), 'utf8')) as Partial<CachedSpec>;
    if (entry.doc === null || typeof entry.doc !== 'object') return undefined;
    return { doc: entry.doc, schemasChecked: entry.schemasChecked === true };
  } catch {
    return undefined;
  }
}

/** Stores a parse; written to a temporary name and renamed, so a reader never sees half a file. */
export function writeCachedSpec(digest: string, entry: CachedSpec): void {
  if (directory === undefined) return;
  try {
    mkdirSync(directory, { recursive: true });
    const file = join(directory, `${digest}.json`);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(entry));
    renameSync(temporary, file);
  } catch {
    // No home directory, a read-only one or a full disk: the next start parses again.
  }
}
