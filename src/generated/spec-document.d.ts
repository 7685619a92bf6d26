// Declarations of the generated module beside it (scripts/generate-validators.ts). Do not edit by hand.

/** SHA-256 of the openapi.yaml text the document was parsed from. */
export declare const specDigest: string;
/** openapi.yaml, parsed. */
export declare const document: Record<string, unknown>;
