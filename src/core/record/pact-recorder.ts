import { createExchangeChecker, type ExchangeChecker } from '../exchange/check-exchange.ts';
import type { Exchange } from '../exchange/exchange.ts';
import { createExchangeRedactor } from '../exchange/redact.ts';
import type { Spec } from '../openapi/spec.ts';
import type { Issue } from '../validation/types.ts';
import { addInteraction, finalisePact, type Participants } from './finalise-pact.ts';
import { interactionFromExchange } from './interaction-from-exchange.ts';
import type { PactInteractionV4, PactV4 } from './pact-v4.ts';

/** An interaction the spec would refuse, reported when it is recorded (it is not put into the pact). */
export interface RecordIssue {
  /** `METHOD path status`, with no credential. */
  readonly exchange: string;
  readonly direction: 'request' | 'response';
  readonly issues: readonly Issue[];
}

/** What became of one exchange. */
export type RecordOutcome =
  | { readonly recorded: true; readonly description: string; readonly added: boolean }
  | { readonly recorded: false; readonly reason: string; readonly issues?: readonly RecordIssue[] };

/** Collects a consumer pact from exchanges; pure, so it runs in a browser, a service worker or Node. */
export interface PactRecorder {
  readonly participants: Participants;
  /** Checks an exchange against the spec and, when the contract can hold it, adds its interaction. */
  record(exchange: Exchange): RecordOutcome;
  /** The interactions so far, deduplicated but not yet numbered: what a shard of a parallel run holds. */
  interactions(): PactInteractionV4[];
  /** The pact so far, as data. */
  pact(): PactV4;
  /** Every refusal so far, in the order they happened. */
  readonly issues: readonly RecordIssue[];
}

/** Options of a recorder. */
export interface RecorderOptions extends Participants {
  readonly checker?: ExchangeChecker;
  /** Called at once for an exchange the spec would refuse, so the test that made it says so. */
  readonly onIssue?: (issue: RecordIssue) => void;
}

/**
 * Starts a recorder. An exchange the spec would refuse is reported through `onIssue` and left out: an answer that
 * breaks the spec, or a request the spec refuses answered with anything but its 400 (the compare engine refuses
 * those too). A refused request answered 400 is what the contract should hold, and is recorded.
 */
export function createPactRecorder(spec: Spec, options: RecorderOptions): PactRecorder {
  const checker = options.checker ?? createExchangeChecker(spec);
  const redact = createExchangeRedactor(spec);
  const participants = { consumer: options.consumer, provider: options.provider };
  const held = new Map<string, PactInteractionV4>();
  const issues: RecordIssue[] = [];
  return {
    participants,
    issues,
    record(exchange) {
      const check = checker.checkRequest(exchange.request);
      const { status } = exchange.response;
      const q = exchange.request.target.indexOf('?');
      const path = q < 0 ? exchange.request.target : exchange.request.target.slice(0, q);
      const name = `${exchange.request.method} ${redact.text(path, check.secrets)} ${status}`;
      const refused: RecordIssue[] = [];
      if (status !== 400 && check.issues.length > 0)
        refused.push({
          exchange: name,
          direction: 'request',
          issues: redact.issues(check.issues, check.secrets),
        });
      const answer = checker.checkResponse(exchange.response);
      if (answer.length > 0)
        refused.push({ exchange: name, direction: 'response', issues: redact.issues(answer, check.secrets) });
      if (refused.length > 0) {
        for (const issue of refused) {
          issues.push(issue);
          options.onIssue?.(issue);
        }
        return { recorded: false, reason: 'the spec refuses this exchange', issues: refused };
      }
      const built = interactionFromExchange(spec, exchange, check);
      if (!built.ok) return { recorded: false, reason: built.reason };
      const added = addInteraction(held, built.interaction);
      return { recorded: true, description: built.interaction.description, added };
    },
    interactions: () => [...held.values()],
    pact: () => finalisePact(participants, held.values()),
  };
}
