import type { Candidate, Suggester } from './suggest.ts';

type Json = Record<string, unknown>;

/** What turning ajv errors into issues needs to know about the spec. */
export interface ErrorContext {
  /** The spec as written (to tell schema keywords from folded-in `x-ocpi` rules). */
  readonly doc: Json;
  readonly strict: boolean;
  /** What this validator remembers between bodies (see `createIssueMemo`). */
  readonly memo: IssueMemo;
}

/** The caches of one validator: origins per schema node, enum candidates, "did you mean" answers. */
export interface IssueMemo {
  readonly origins: WeakMap<object, Map<string, Origin>>;
  readonly enumCandidates: WeakMap<string[], Candidate[]>;
  readonly suggest: Suggester;
}

/** The caches a validator keeps for turning errors into issues; bounded by its own schema nodes and enums. */
export function createIssueMemo(suggest: Suggester): IssueMemo {
  return { origins: new WeakMap(), enumCandidates: new WeakMap(), suggest };
}

/** A schema node of an error with where it lives and whether it came from an `x-ocpi` rule. */
export interface Origin {
  readonly pointer: string;
  readonly ocpi: boolean;
  /** Pointer of the keyword that failed: into `x-ocpi/rule` for OCPI rules. */
  readonly keywordPointer: string;
  readonly see?: string;
  /** Plain words for an OCPI pattern (`x-ocpi.hint`), so a partner never has to read a regex. */
  readonly hint?: string;
}
