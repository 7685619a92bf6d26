// The package entry: what applications import from "ocpi-location-kit", in Node and in browsers alike: nothing
// here reads a file or compiles a schema (the validator of the project's spec is generated code). Reading a spec
// file (`loadSpec`) is in `ocpi-location-kit/mock`.

export * from './browser.ts';
export { ConfigError } from './core/config-error.ts';
export { type FromOcpiOptions, type FromOcpiResult, fromOcpiLocation } from './core/ocpi/from-ocpi.ts';
export { type Spec, specFromDocument } from './core/openapi/spec.ts';
export type {
  BodyResult,
  ParseOptions,
  ParseResult,
  ValidateOptions,
} from './core/validation/types.ts';
export { createValidator, type Validator } from './core/validation/validator.ts';
