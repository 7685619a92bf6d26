// Generated from mock/admin.openapi.yaml by scripts/generate-admin-facts.ts (npm run generate). Do not edit by hand.

/** The first segment of every admin route of the mock. */
export const adminPrefix = "/__mock";
/** Each admin route's path, by its operationId. */
export const adminPaths = {
  getHealth: "/__mock/health",
  listRequests: "/__mock/requests",
  listLocations: "/__mock/locations",
  reset: "/__mock/reset",
  addFixtures: "/__mock/fixtures",
  validatePayload: "/__mock/validate",
} as const;
