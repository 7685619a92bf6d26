/** The credentials the probe sends as the valid ones: eMabler API v2's key, or v1's function code and customer. */
export type ProbeCredentials =
  | { readonly apiKey: string }
  | { readonly code: string; readonly clientId: string };

/** How a case authenticates: the valid credentials, none, or a made-up variant the spec says is refused. */
export type AuthVariant =
  | 'valid'
  /** The v1 function key as the `x-functions-key` header instead of `code` (a documented alternative). */
  | 'valid-key-header'
  | 'none'
  | 'wrong-key'
  | 'wrong-code'
  /** v1: the right code, a customer id nobody has: 404 "Customer not found". */
  | 'unknown-client'
  /** v1: the code without its `clientId`, which is no complete alternative. */
  | 'code-without-client';

/** The body a case sends. */
export type CaseBody =
  | { readonly kind: 'json'; readonly value: unknown }
  /** Text sent as it is: malformed JSON, hand-escaped strings, another media type. */
  | { readonly kind: 'text'; readonly text: string }
  /** Bytes that are not text (not UTF-8). */
  | { readonly kind: 'bytes'; readonly bytes: readonly number[] }
  | { readonly kind: 'none' };

/** The statuses the spec prescribes for the cases the probe sends. */
export type ExpectedStatus = 200 | 400 | 401 | 404;

/** What a negative case breaks, so its confirmation can check that it breaks exactly that. */
export interface BrokenRule {
  /** Where the fault is: body, query, media type, credentials or integration. */
  readonly where: 'body' | 'parse' | 'query' | 'media-type' | 'encoding' | 'credentials' | 'integration';
  /** The validator's issue code expected (`type`, `enum`, `required`, `malformed-json`...), when one applies. */
  readonly code?: string;
  /** The validator's `instancePath` expected, for body faults. */
  readonly instancePath?: string;
}

/** One request the probe may send, derived from the spec, and what the spec says the answer must be. */
export interface ProbeCase {
  /** Stable and unique: `enum:parkingType=PARKING_GARAGE`, `type:operator.name`, `auth:none+unknown-integration`. */
  readonly name: string;
  readonly kind: 'positive' | 'negative';
  /** What the case breaks, in words ("nothing" for a positive case). */
  readonly breaks: string;
  readonly expected: ExpectedStatus;
  readonly auth: AuthVariant;
  readonly integration: 'known' | 'unknown';
  /** Query pairs besides the credentials, in order (`excludeChargers` once, twice, or not at all). */
  readonly query: readonly (readonly [string, string])[];
  /** `undefined`: application/json when there is a body; `null`: no Content-Type header. */
  readonly contentType?: string | null;
  /** Sent as `Accept`, to ask for the problem document instead of the documented sentence. */
  readonly accept?: string;
  readonly body: CaseBody;
  /**
   * Where the spec leaves the answer to the provider (a `format` is an annotation in JSON Schema 2020-12; the
   * JSON-text hardening and media types beyond application/json are this project's choices), the other status a
   * correct provider may give, and why; `strict` probing holds the provider to `expected` alone.
   */
  readonly open?: { readonly status: ExpectedStatus; readonly why: string };
  /** Every rule a negative case breaks, in the order the spec checks them; the first decides the status. */
  readonly rules: readonly BrokenRule[];
}

/** A case the spec suggests that the validator would not confirm: never sent, only counted. */
export interface UnconfirmedCase {
  readonly name: string;
  readonly reason: string;
}
