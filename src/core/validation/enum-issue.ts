import type { ErrorObject } from 'ajv';
import { joinPointer } from '../openapi/pointer.ts';
import { describeValue, label, listValues } from './describe.ts';
import { createIssue } from './issue.ts';
import type { ErrorContext, IssueMemo } from './issue-context.ts';
import { pointerOfSchema } from './schema-docs.ts';
import type { Candidate } from './suggest.ts';
import type { Issue } from './types.ts';

type Json = Record<string, unknown>;

/** One issue for a value outside an enum that eMabler accepts as a name or as its int32 index. */
export function enumUnionIssue(
  error: ErrorObject,
  branches: Json[],
  nullable: boolean,
  context: ErrorContext,
): Issue {
  const names = (branches.find((b) => b.type === 'string')?.enum ?? branches[0]?.enum ?? []) as string[];
  const numbers = branches.find((b) => b.type === 'integer')?.enum as number[] | undefined;
  const where = label(error.instancePath);
  const forms = numbers ? ` (or its index ${Math.min(...numbers)}-${Math.max(...numbers)})` : '';
  const data = error.data;
  const issue = createIssue({
    code: 'enum',
    instancePath: error.instancePath,
    specPointer: joinPointer(
      pointerOfSchema(branches.find((b) => b.type === 'string') ?? branches[0]) ?? '',
      'enum',
    ),
    message: `${where} must be one of ${listValues(names)}${forms}${nullable ? ' or null' : ''}; got ${describeValue(data)}`,
    allowedValues: names,
  });
  const guess =
    typeof data === 'string' ? context.memo.suggest(data, candidatesOf(names, context.memo)) : undefined;
  if (guess) {
    issue.suggestion = guess;
    issue.message += `; did you mean ${guess}?`;
  }
  issue.location = 'body';
  return issue;
}

/** The enum names as "did you mean" candidates, one list per enum, so `suggest` can remember its answers. */
function candidatesOf(names: string[], memo: IssueMemo): Candidate[] {
  let candidates = memo.enumCandidates.get(names);
  if (!candidates) {
    candidates = names.map((name) => ({ name }));
    memo.enumCandidates.set(names, candidates);
  }
  return candidates;
}
