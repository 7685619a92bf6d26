// Declarations of the generated module beside it (scripts/generate-validators.ts). Do not edit by hand.
import type { ValidateFunction } from 'ajv/dist/2020.js';

/** SHA-256 of the openapi.yaml text these validators were generated from. */
export declare const specDigest: string;
/** The body's hot-path validator: closed objects, first failure only. */
export declare const clean: ValidateFunction;
