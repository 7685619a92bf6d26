import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getAtPointer } from '../../../src/core/openapi/pointer.ts';
import { createValidator } from '../../../src/core/validation/validator.ts';
import { loadSpec } from '../../../src/node/load-spec.ts';

const spec = loadSpec();
const validator = createValidator(spec);
const examples = Object.values(spec.operation.requestExamples);

// Values a partner might put anywhere: every JSON type, with enum names, numbers and look-alike strings.
const leaf = fc.oneof(
  fc.constantFrom('WIFI', 'CAR_PARK', 'Europe/Helsinki', '61.482150', '__proto__', '', 'https://x.fi/a.png'),
  fc.integer({ min: -3_000_000_000, max: 3_000_000_000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Replaces the value at a random path of an example with an arbitrary one. */
const mutated = fc
  .tuple(fc.constantFrom(...examples), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), json)
  .map(([example, steps, replacement]) => {
    const copy = structuredClone(example) as Record<string, unknown>;
    let node: Record<string, unknown> = copy;
    for (const [i, step] of steps.entries()) {
      const keys = Object.keys(node);
      const key = keys[step % Math.max(keys.length, 1)];
      if (key === undefined) break;
      const child = node[key];
      if (i === steps.length - 1 || child === null || typeof child !== 'object') {
        node[key] = replacement;
        break;
      }
      node = child as Record<string, unknown>;
    }
    return copy;
  });

const checkResult = (data: unknown, strict: boolean) => {
  const result = validator.validateBody(data, { strict });
  expect(result.ok).toBe(result.errors === 0);
  expect(result.errors + result.warnings).toBeLessThanOrEqual(result.issues.length + 5000);
  for (const issue of result.issues) {
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issue.instancePath === '' || issue.instancePath.startsWith('/')).toBe(true);
    expect(getAtPointer(spec.doc, issue.specPointer), issue.specPointer).not.toBeUndefined();
  }
};

describe('validation core properties', () => {
  it('never throws on any JSON value and points every issue into openapi.yaml', () => {
    fc.assert(
      fc.property(json, fc.boolean(), (data, strict) => checkResult(data, strict)),
      { seed: 20261124, numRuns: 400 },
    );
  });

  it('never throws on mutated realistic locations and agrees with itself on a second run', () => {
    fc.assert(
      fc.property(mutated, fc.boolean(), (data, strict) => {
        checkResult(data, strict);
        expect(validator.validateBody(data, { strict })).toEqual(
          validator.validateBody(structuredClone(data), { strict }),
        );
      }),
      { seed: 7, numRuns: 400 },
    );
  });

  it('reports the same errors on the hot path as on the full path', () => {
    // A body the closed fast check accepts must have no issue at all; one it rejects must have an issue.
    fc.assert(
      fc.property(mutated, (data) => {
        const result = validator.validateBody(data, { strict: true });
        const roundTrip = validator.validateBody(JSON.parse(JSON.stringify(data)), { strict: true });
        expect(result.ok).toBe(roundTrip.ok);
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('does not pollute prototypes through __proto__ or constructor keys', () => {
    const parsed = validator.parseBody(
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"name":"x"}',
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const result = validator.validateBody(parsed.value);
    expect(result.issues.map((issue) => issue.instancePath)).toEqual(
      expect.arrayContaining(['/__proto__', '/constructor']),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('bounds the issues of a body with 100k bad array items', () => {
    const facilities = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? 'WIFI' : 'JACUZZI'));
    const result = validator.validateBody({ facilities });
    expect(result.ok).toBe(false);
    expect(result.errors).toBeGreaterThan(500);
    expect(result.issues.length).toBeLessThanOrEqual(501);
    expect(result.issues.at(-1)?.code).toBe('too-many-issues');
  });

  it('handles 100k-deep nesting without a stack overflow', () => {
    const parsed = validator.parseBody(`{"chargers":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(validator.validateBody(parsed.value).issues[0]?.instancePath).toBe('/chargers/0');
  });
});
