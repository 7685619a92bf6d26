/** The pipeline's limits by default; `openapi.yaml` states them, and a test holds the two together. */
export const pipelineLimits = {
  /** Largest body read, in bytes; larger gets 413. */
  bodyLimit: 1024 * 1024,
  /** Deepest nesting of objects and arrays the mock parses; a Location needs 4 levels. Deeper gets 400. */
  maxDepth: 32,
} as const;
