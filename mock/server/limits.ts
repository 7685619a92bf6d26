/**
 * The server's limits. Each one turns a hostile or broken client into a defined answer (414, 431, 408, or a
 * closed connection) instead of a crash, a hang or unbounded memory; the body limit (413) is a `MockOptions`
 * field because the pipeline applies it.
 */
export interface ServerLimits {
  /** Longest request target (path and query) in bytes; longer gets 414 (RFC 9110 section 15.5.15). */
  readonly urlLimit: number;
  /** Largest request line plus headers in bytes (node:http's `maxHeaderSize`); larger gets 431 (RFC 6585). */
  readonly headerLimit: number;
  /** Time a client has to send the request line and headers, in ms; a slower one gets 408 and is closed. */
  readonly headersTimeoutMs: number;
  /** Time a client has to send the whole request, body included, in ms; a slower one gets 408 and is closed. */
  readonly requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this many ms. */
  readonly keepAliveTimeoutMs: number;
}

/** The defaults: generous for any real client, short enough that slow ones cannot pile up. */
export const defaultLimits: ServerLimits = {
  urlLimit: 8 * 1024,
  headerLimit: 16 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

/** The node:http server options that enforce the limits (`keepAliveTimeout` is set on the server itself). */
export function nodeServerOptions(limits: ServerLimits) {
  // node:http refuses a headers timeout longer than the request timeout.
  const headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return {
    maxHeaderSize: limits.headerLimit,
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout,
    // node:http looks for late clients on this interval (default 30 s): a few looks per timeout keep it honest.
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeout / 4))),
  };
}
