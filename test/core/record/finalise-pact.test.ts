import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../../src/core/record/canonical-json.ts';
import { finalisePact, pactText } from '../../../src/core/record/finalise-pact.ts';
import type { PactInteractionV4 } from '../../../src/core/record/pact-v4.ts';

const participants = { consumer: 'fleet-app', provider: 'emabler-add-location' };
const created = (content: Record<string, unknown>): PactInteractionV4 => ({
  type: 'Synchronous/HTTP',
  description: 'addLocation: 200 for a valid location',
  pending: false,
  request: {
    method: 'POST',
    path: '/integrations/recorded-integration/locations',
    body: { content: content as never, contentType: 'application/json', encoded: false },
  },
  response: { status: 200 },
});

describe('finalisePact', () => {
  it('keeps one of alike bodies, whatever order they came in', () => {
    const a = created({ name: 'Hatanpää' });
    const b = created({ name: 'Kalasatama' });
    const forwards = pactText(finalisePact(participants, [a, b]));
    expect(pactText(finalisePact(participants, [b, a]))).toBe(forwards);
    expect(JSON.parse(forwards).interactions).toHaveLength(1);
  });

  it('numbers two different shapes that share an outcome', () => {
    const pact = finalisePact(participants, [created({ name: 'x' }), created({ name: 'x', city: 'Oulu' })]);
    expect(pact.interactions.map((i) => i.description)).toEqual([
      'addLocation: 200 for a valid location',
      'addLocation: 200 for a valid location (2)',
    ]);
  });
});

describe('shapeOf', () => {
  it.each([
    [
      { b: 1, a: 'x' },
      { a: 'y', b: 2 },
    ],
    [[{ a: 1 }, { a: 2 }], [{ a: 3 }]],
  ])('gives %j and %j one shape', (left, right) => {
    expect(shapeOf(left)).toBe(shapeOf(right));
  });

  it('tells a string from a number', () => {
    expect(shapeOf({ latitude: '60.1' })).not.toBe(shapeOf({ latitude: 60.1 }));
  });
});
