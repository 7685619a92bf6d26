import type { Spec } from '../../src/core/openapi/spec.ts';
import type { requestExampleNames } from '../../src/generated/api-facts.ts';
import type { Fixtures } from '../core/state/fixtures.ts';

/** One payload the checker page loads with one click. */
export interface Sample {
  readonly id: string;
  readonly label: string;
  readonly text: string;
}

/** The credentials the page shows and prefills: the first customer's first API key and integration. */
export interface DemoCredentials {
  readonly customer: string;
  readonly apiKey: string;
  readonly integrationId: string;
}

/** The spec's named request examples the page offers, in the order of its buttons; a renamed one breaks the build. */
const offered: ReadonlyArray<readonly [name: (typeof requestExampleNames)[number], label: string]> = [
  ['completeSite', 'Complete'],
  ['minimal', 'Minimal'],
  ['numericEnums', 'Numeric enums'],
];

/**
 * The page's samples: three of the spec's named request examples, then the complete one with the mistakes
 * partners make most (a parking type OCPI does not have, an unknown facility, coordinates as numbers).
 */
export function deriveSamples(spec: Spec): Sample[] {
  const examples = spec.operation.requestExamples;
  const samples: Sample[] = [];
  for (const [name, label] of offered) {
    if (name in examples) samples.push({ id: name, label, text: show(examples[name]) });
  }
  const complete = examples.completeSite as Record<string, unknown> | undefined;
  if (complete) {
    const coordinates = complete.coordinates as { latitude?: string; longitude?: string } | undefined;
    const mistaken = {
      ...complete,
      ...(coordinates
        ? {
            coordinates: { latitude: Number(coordinates.latitude), longitude: Number(coordinates.longitude) },
          }
        : {}),
      parkingType: 'CAR_PARK',
      facilities: ['WIFI', 'JACUZZI'],
    };
    samples.push({ id: 'mistakes', label: 'With mistakes', text: show(mistaken) });
  }
  return samples;
}

/** The demo credentials of the loaded fixtures, never hard-coded; undefined when no customer has both. */
export function findDemoCredentials(fixtures: Fixtures): DemoCredentials | undefined {
  const first = fixtures.customers[0];
  const apiKey = first?.apiKeys?.[0] ?? first?.apiKey;
  const integrationId = first?.integrations[0];
  if (!first || apiKey === undefined || integrationId === undefined) return undefined;
  return { customer: first.name ?? 'The demo customer', apiKey, integrationId };
}

const show = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
