import type { Json } from './canonical-json.ts';

/** A body of a Pact V4 interaction: JSON or text as it is, anything else as base64. */
export interface PactBody {
  readonly content: Json;
  readonly contentType: string;
  readonly encoded: false | 'base64';
}

/** Matching rules of one category: a rule list per path (body, header) or one list (path). */
export interface RuleList {
  readonly combine: 'AND';
  readonly matchers: readonly Record<string, Json>[];
}

/** The generator that takes a value from the provider state's results (Pact V4 `ProviderState`). */
export interface StateGenerator {
  readonly type: 'ProviderState';
  readonly expression: string;
}

/** The request half of a recorded interaction. */
export interface PactRequest {
  readonly method: string;
  readonly path: string;
  readonly query?: Record<string, string[]>;
  readonly headers?: Record<string, string[]>;
  readonly body?: PactBody;
  readonly generators?: {
    path?: StateGenerator;
    header?: Record<string, StateGenerator>;
    query?: Record<string, StateGenerator>;
  };
  readonly matchingRules?: {
    path?: RuleList;
    header?: Record<string, RuleList>;
    query?: Record<string, RuleList>;
  };
}

/** The response half of a recorded interaction. */
export interface PactResponse {
  readonly status: number;
  readonly headers?: Record<string, string[]>;
  readonly body?: PactBody;
  readonly matchingRules?: { header?: Record<string, RuleList>; body?: Record<string, RuleList> };
}

/** One provider state with the parameters its handler reads. */
export interface PactState {
  readonly name: string;
  readonly params?: Record<string, string>;
}

/** A synchronous HTTP interaction of Pact V4. */
export interface PactInteractionV4 {
  readonly type: 'Synchronous/HTTP';
  readonly description: string;
  readonly pending: false;
  readonly providerStates?: PactState[];
  readonly request: PactRequest;
  readonly response: PactResponse;
}

/** A Pact V4 document as this toolkit writes it. */
export interface PactV4 {
  readonly consumer: { readonly name: string };
  readonly provider: { readonly name: string };
  readonly interactions: PactInteractionV4[];
  readonly metadata: Record<string, Json>;
}

/** One rule list holding one matcher. */
export const rule = (matcher: Record<string, Json>): RuleList => ({ combine: 'AND', matchers: [matcher] });
