// The package entry: what applications import from "ocpi-location-kit".

export * from './client/index.ts';
export { loadSpec, type Spec, SpecError } from './openapi/load-spec.ts';
export type {
  BodyResult,
  ParseOptions,
  ParseResult,
  ValidateOptions,
} from './validation/types.ts';
export { createValidator, type Validator } from './validation/validator.ts';
