import type { SpecLocation } from './spec-location.ts';

/** One disagreement between a pact interaction and the spec, naming both sides. */
export interface Finding {
  readonly severity: 'error' | 'warning';
  /** The comparator's code, e.g. `request.body.incompatible`. */
  readonly code: string;
  readonly message: string;
  readonly interaction: { readonly index: number; readonly description: string; readonly states: string[] };
  /** Where in the interaction, e.g. `request.body.coordinates.latitude`. */
  readonly pactLocation: string;
  readonly pactValue?: unknown;
  readonly spec: SpecLocation;
}
