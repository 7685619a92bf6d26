/** "Did you mean" helpers: edit distance over names normalised the way partners misspell them. */

/** Lower-cases and drops `_`, `-` and spaces, so `postal_code`, `PostalCode` and `postalCode` compare equal. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[_\-\s]/g, '');
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** A candidate with the other spellings that should lead to it (from `x-aliases` in the spec). */
export interface Candidate {
  readonly name: string;
  readonly aliases?: readonly string[];
}

/** The closest candidate to `input`, or undefined when none is close enough to be a plausible typo. */
export type Suggester = (input: string, candidates: readonly Candidate[]) => string | undefined;

/**
 * A suggester that remembers its answers per candidate list, at most `limit` per list, so a client that repeats
 * one mistake pays for it once; each validator has its own, so validators in one process share nothing.
 */
export function createSuggester(limit = 1000): Suggester {
  const remembered = new WeakMap<readonly Candidate[], Map<string, string | undefined>>();
  return (input, candidates) => {
    let answers = remembered.get(candidates);
    if (!answers) {
      answers = new Map();
      remembered.set(candidates, answers);
    }
    if (answers.has(input)) return answers.get(input);
    const found = closest(input, candidates);
    if (answers.size >= limit) answers.clear();
    answers.set(input, found);
    return found;
  };
}

function closest(input: string, candidates: readonly Candidate[]): string | undefined {
  const wanted = normaliseName(input);
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    for (const spelling of [candidate.name, ...(candidate.aliases ?? [])]) {
      const normalised = normaliseName(spelling);
      const limit = Math.max(1, Math.floor(Math.min(normalised.length, wanted.length) / 3));
      const distance = normalised === wanted ? 0 : editDistance(wanted, normalised, limit);
      if (distance <= limit && (!best || distance < best.distance)) best = { name: candidate.name, distance };
    }
  }
  return best?.name;
}
