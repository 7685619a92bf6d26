import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../core/config-error.ts';

/** A pact file as read from disk. */
export interface PactFile {
  /** Absolute path. */
  readonly path: string;
  /** The parsed document. */
  readonly pact: PactDocument;
}

/** The parts of a pact document this toolkit reads; everything else is passed through untouched. */
export interface PactDocument {
  readonly consumer?: { name?: string };
  readonly provider?: { name?: string };
  readonly interactions: PactInteraction[];
  readonly metadata?: Record<string, unknown>;
}

/** One interaction, with the V2/V3 and V4 spellings of its provider states. */
export interface PactInteraction {
  readonly description?: string;
  readonly type?: string;
  readonly providerState?: string;
  readonly providerStates?: { name?: string; description?: string }[];
  readonly [key: string]: unknown;
}

/** Resolves a file or a directory (its `*.json` files) to pact files (find-pacts.ts finds the default). */
export function readPacts(target: string): PactFile[] {
  const path = resolve(target);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new ConfigError(`${path}: no such file or directory`);
  }
  const files = isDirectory
    ? readdirSync(path)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => join(path, name))
    : [path];
  if (files.length === 0) throw new ConfigError(`${path}: no pact files (*.json) in this directory`);
  return files.map(readPact);
}

function readPact(path: string): PactFile {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${path}: not a JSON file (${(error as Error).message})`);
  }
  const interactions = (value as { interactions?: unknown } | null)?.interactions;
  if (!Array.isArray(interactions))
    throw new ConfigError(`${path}: not a pact file (no "interactions" array)`);
  return { path, pact: value as PactDocument };
}

/** The provider-state names of an interaction, whichever pact specification wrote it. */
export function statesOf(interaction: PactInteraction): string[] {
  if (interaction.providerStates) return interaction.providerStates.map((s) => s.name ?? s.description ?? '');
  return interaction.providerState ? [interaction.providerState] : [];
}
