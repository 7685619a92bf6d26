import { applicationJson, textPlain } from '../../../src/core/openapi/media-types.ts';
import { isoNow } from '../state/clock.ts';
import type { IdSource } from '../state/ids.ts';
import type { Store } from '../state/store.ts';
import type { Plan } from './negotiate.ts';
import type { Problems } from './problem.ts';
import type { Reply } from './reply.ts';
import type { CheckResult } from './validate-request.ts';

/** What a reply was built from, for the journal: the id created, if any. */
export interface Built {
  readonly reply: Reply;
  readonly createdId?: string;
}

/** Everything a request contributes to its reply beyond the plan. */
export interface BuildInput {
  readonly plan: Plan;
  readonly check: CheckResult;
  readonly wantsProblem: boolean;
  readonly excludeChargers: boolean;
  readonly instance: string;
}

/** Builds replies; `create` is the one side effect: a new id, recorded in the store. */
export function createResponseBuilder(
  ids: IdSource,
  store: Store,
  problems: Problems,
): (input: BuildInput) => Built {
  return ({ plan, check, wantsProblem, excludeChargers, instance }) => {
    switch (plan.kind) {
      case 'create': {
        if (!check.ok) throw new Error('a location can only be created for a request that passed its checks');
        const id = ids.next();
        const name = (check.body as { name?: unknown } | undefined)?.name;
        store.addLocation({
          id,
          integrationId: check.integrationId,
          customer: check.customer.name,
          name: typeof name === 'string' ? name : undefined,
          excludeChargers,
          createdAt: isoNow(),
        });
        // The id is drawn from [A-Za-z0-9-] (checked against the spec's pattern at start-up): no escaping needed.
        return {
          reply: { status: 200, contentType: applicationJson, body: `{"id":"${id}"}` },
          createdId: id,
        };
      }
      case 'example': {
        const text = typeof plan.value === 'string' && !plan.mediaType.includes('json');
        const contentType = plan.mediaType === 'text/plain' ? textPlain : plan.mediaType;
        const body = text ? (plan.value as string) : JSON.stringify(plan.value);
        return { reply: { status: plan.status, contentType, body } };
      }
      case 'error':
        return { reply: problems.documented(plan.status, wantsProblem, plan.detail, plan.issues, instance) };
      case 'undefined':
        return { reply: problems.preferUndefined(plan.message, instance) };
    }
  };
}
