/** Where the mock and the checker listen unless told otherwise: loopback, so nothing is exposed by accident. */
export const defaultHost = '127.0.0.1';

/** The mock's port, Prism's default, so a client written for `prism mock` finds it. */
export const defaultMockPort = 4010;

/** The static payload checker's port. */
export const defaultCheckerPort = 4020;

/** The probe's longest acceptable answer: slower is a `response_time` failure. */
export const defaultProbeMaxResponseTimeMs = 5000;

/** How long the probe waits for an answer before it counts none (`responds`). */
export const defaultProbeTimeoutMs = 10000;
