// The package entry: what applications import from "ocpi-location-kit", in Node and in browsers alike: nothing
// here reads a file or compiles a schema (the validator of the project's spec is generated code). Reading a spec
// file (`loadSpec`) is in `ocpi-location-kit/mock`.

export * from './browser.ts';
export { ConfigError } from './core/config-error.ts';
export { type FromOcpiOptions, type FromOcpiResult, fromOcpiLocation } from './core/ocpi/from-ocpi.ts';
export { type Spec, specFromDocument } from './core/openapi/spec.ts';
export { type CheckId, type CheckOutcome, checkIds } from './core/probe/checks.ts';
export { type CaseResult, type ProbeOptions, type ProbeResult, probeProvider } from './core/probe/probe.ts';
export type { ProbeCase, ProbeCredentials } from './core/probe/types.ts';
export type {
  BodyResult,
  ParseOptions,
  ParseResult,
  ValidateOptions,
} from './core/validation/types.ts';
export { createValidator, type Validator } from './core/validation/validator.ts';
