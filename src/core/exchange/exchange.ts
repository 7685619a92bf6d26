/** A request as a checker saw it on the wire: the target as sent, headers by lower-case name, the body decoded. */
export interface ExchangeRequest {
  readonly method: string;
  /** The path below the API's base, with its query string, as sent (not decoded). */
  readonly target: string;
  /** Header values by lower-case name; a repeated header is joined with `, ` as RFC 9110 section 5.3 allows. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The body as text, after any `Content-Encoding` was undone; empty when there was none. */
  readonly body: string;
}

/** A provider's answer as a checker saw it: the body as text, decoded. */
export interface ExchangeResponse {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
}

/** One request and the answer it got. */
export interface Exchange {
  readonly request: ExchangeRequest;
  readonly response: ExchangeResponse;
}

/** Which of the spec's credential alternatives a request carried. */
export type CredentialKind = 'api-key' | 'v1' | 'none';
