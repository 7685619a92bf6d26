// OCPI 2.2.1 in, eMabler out: conversion by the spec's mapping, then the same validation as `validate`.

import { type OcpiObject, readOcpiMapping } from '../openapi/ocpi-mapping.ts';
import { createIssue } from '../validation/issue.ts';
import type { Issue } from '../validation/types.ts';
import { createValidator, type Validator } from '../validation/validator.ts';
import { type Conversion, convertOcpiLocation, type DroppedField } from './convert.ts';

/** What `fromOcpiLocation` makes of one OCPI Location. */
export interface FromOcpiResult {
  /** The addLocation body (camelCase), in the spec's property order. */
  readonly body: Record<string, unknown>;
  /** The OCPI fields that have no place in the body, each with the reason. */
  readonly dropped: DroppedField[];
  /** What the validator finds in the body, errors first; `ok` is false when there is an error. */
  readonly issues: Issue[];
  readonly ok: boolean;
}

/** Options of `fromOcpiLocation`. */
export interface FromOcpiOptions {
  /** The validator (and so the spec and its mapping) to use; by default the project's openapi.yaml. */
  readonly validator?: Validator;
  /** Validate with OCPI 2.2.1 rule breaches as errors. */
  readonly strict?: boolean;
}

let defaultValidator: Validator | undefined;
const mappings = new WeakMap<Validator, OcpiObject>();

/** The OCPI mapping of a validator's spec, read once. */
export function mappingOf(validator: Validator): OcpiObject {
  let mapping = mappings.get(validator);
  if (!mapping) {
    mapping = readOcpiMapping(validator.spec.doc, validator.spec.operation.bodyPointer);
    mappings.set(validator, mapping);
  }
  return mapping;
}

/**
 * Converts one OCPI 2.2.1 Location into an addLocation body by the mapping in openapi.yaml, and validates the
 * body as `validate` does. A value that is not an object gives an empty body and one error.
 */
export function fromOcpiLocation(value: unknown, options: FromOcpiOptions = {}): FromOcpiResult {
  defaultValidator ??= options.validator ? undefined : createValidator();
  const validator = options.validator ?? (defaultValidator as Validator);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    const issue = createIssue({
      code: 'ocpi-not-a-location',
      specPointer: validator.spec.operation.bodyPointer,
      message: `an OCPI Location is a JSON object; got ${got}`,
      location: 'body',
    });
    return { body: {}, dropped: [], issues: [issue], ok: false };
  }
  const converted: Conversion = convertOcpiLocation(value as Record<string, unknown>, mappingOf(validator));
  const result = validator.validateBody(converted.body, { strict: options.strict === true });
  return { ...converted, issues: result.issues, ok: result.ok };
}
