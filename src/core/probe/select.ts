import { type CheckId, checkIds } from './checks.ts';

/** Which cases run and which checks judge them, from `--only` and `--skip`. */
export interface Selection {
  caseSelected(name: string): boolean;
  checkEnabled(id: CheckId): boolean;
}

const isCheckId = (word: string): word is CheckId => (checkIds as readonly string[]).includes(word);

/** A case-name pattern: exact, or with `*` standing for any run of characters (`enum:*`, `*unknown*`). */
export function matchesPattern(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern === name;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(name);
}

/**
 * Builds the selection: a word that is a check id selects (or skips) that check; any other word is a case-name
 * pattern. `--only` with no case pattern keeps every case, with no check id every check.
 */
export function createSelection(only: readonly string[] = [], skip: readonly string[] = []): Selection {
  const onlyChecks = only.filter(isCheckId);
  const onlyCases = only.filter((word) => !isCheckId(word));
  const skipChecks = skip.filter(isCheckId);
  const skipCases = skip.filter((word) => !isCheckId(word));
  return {
    caseSelected: (name) =>
      (onlyCases.length === 0 || onlyCases.some((pattern) => matchesPattern(pattern, name))) &&
      !skipCases.some((pattern) => matchesPattern(pattern, name)),
    checkEnabled: (id) => (onlyChecks.length === 0 || onlyChecks.includes(id)) && !skipChecks.includes(id),
  };
}
