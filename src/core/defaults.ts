/** Where the mock and the checker listen unless told otherwise: loopback, so nothing is exposed by accident. */
export const defaultHost = '127.0.0.1';

/** The mock's port, Prism's default, so a client written for `prism mock` finds it. */
export const defaultMockPort = 4010;

/** The static payload checker's port. */
export const defaultCheckerPort = 4020;

/** The validating proxy's port, next to the mock's and the checker's. */
export const defaultProxyPort = 4030;

/** How long the proxy waits for the upstream's whole answer before it answers 504 itself. */
export const defaultUpstreamTimeoutMs = 30_000;

/** The largest answer the proxy relays: it reads each answer whole to check it, so memory stays bounded. */
export const defaultResponseLimit = 16 * 1024 * 1024;

/** The probe's longest acceptable answer: slower is a `response_time` failure. */
export const defaultProbeMaxResponseTimeMs = 5000;

/** How long the probe waits for an answer before it counts none (`responds`). */
export const defaultProbeTimeoutMs = 10000;
