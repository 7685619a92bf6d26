// Generated from openapi.yaml by scripts/generate-facts.ts (npm run generate). Do not edit by hand.

/** The operation's method. */
export const method = "POST";
/** The operation's path template. */
export const pathTemplate = "/integrations/{integrationId}/locations";
/** The header that carries an API key (eMabler API v2). */
export const apiKeyHeader = "x-api-key";
/** Every status the spec documents for the operation. */
export const documentedStatuses = [200,400,401,404,408,413,414,431] as const;
/** The names of the operation's request examples. */
export const requestExampleNames = ["completeSite","minimal","emptyLocation","numericEnums","limitedVisibility"] as const;
