import { describe, expect, it } from 'vitest';
import { joinPointer } from '../../../src/core/openapi/pointer.ts';
import type { Issue } from '../../../src/core/validation/types.ts';
import { createValidator } from '../../../src/core/validation/validator.ts';
import { bodyWith, ocpiRules, type RuleFact, spec } from './spec-facts.ts';

const validator = createValidator(spec);

type Expected = Pick<Issue, 'code' | 'instancePath' | 'specPointer'>;

/** A body that breaks one `x-ocpi` rule keyword, and the issues that breach must produce. */
function breach(rule: RuleFact): { body: unknown; expected: Expected[] } {
  const specPointer = joinPointer(rule.pointer, 'x-ocpi', 'rule', rule.keyword);
  const at = (value: unknown) => bodyWith(rule.instancePath, value);
  const one = (code: string, value: unknown) => ({
    body: at(value),
    expected: [{ code, instancePath: rule.instancePath, specPointer }],
  });
  switch (rule.keyword) {
    case 'maxLength':
      return one('ocpi-max-length', 'x'.repeat(Number(rule.value) + 1));
    case 'pattern':
      // Breaks every pattern of the spec: no letters, digits, Z, and it holds markup.
      return one('ocpi-pattern', '<??>');
    case 'format':
      return one('ocpi-format', 'Christmas Eve');
    case 'minimum':
      return one('ocpi-minimum', Number(rule.value) - 1);
    case 'maximum':
      return one('ocpi-maximum', Number(rule.value) + 1);
    case 'anyOf':
      return one('ocpi-any-of-required', {});
    case 'required':
      return {
        body: at({}),
        expected: (rule.value as string[]).map((name) => ({
          code: 'ocpi-required',
          instancePath: joinPointer(rule.instancePath, name),
          specPointer,
        })),
      };
    case 'dependentRequired': {
      const entries = Object.entries(rule.value as Record<string, string[]>);
      return {
        body: at(Object.fromEntries(entries.map(([name]) => [name, 'x']))),
        expected: entries.flatMap(([, needed]) =>
          needed.map((name) => ({
            code: 'ocpi-dependent-required',
            instancePath: joinPointer(rule.instancePath, name),
            specPointer,
          })),
        ),
      };
    }
    default:
      throw new Error(`no breach known for the x-ocpi keyword "${rule.keyword}" at ${rule.pointer}`);
  }
}

const pick = ({ code, instancePath, specPointer }: Issue): Expected => ({ code, instancePath, specPointer });

describe('x-ocpi rules of openapi.yaml', () => {
  it('finds the rules to test', () => {
    expect(ocpiRules.length).toBeGreaterThan(40);
  });

  it.each(ocpiRules.map((rule) => [`${rule.pointer} ${rule.keyword}`, rule] as const))(
    'reports %s as a warning by default and an error under strict',
    (_, rule) => {
      const { body, expected } = breach(rule);
      const lenient = validator.validateBody(body);
      expect(lenient.ok).toBe(true);
      const warnings = lenient.issues.filter((issue) => issue.severity === 'warning').map(pick);
      for (const issue of expected) expect(warnings).toContainEqual(issue);

      const strict = validator.validateBody(body, { strict: true });
      expect(strict.ok).toBe(false);
      const errors = strict.issues.filter((issue) => issue.severity === 'error').map(pick);
      for (const issue of expected) expect(errors).toContainEqual(issue);
    },
  );

  it('cites the OCPI section of the rule in the message', () => {
    const result = validator.validateBody({ country: 'FI', timezone: 'Europe/Helsinki' });
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'ocpi-pattern',
        instancePath: '/country',
        message: expect.stringContaining('OCPI 2.2.1 section 8.3.1'),
      }),
    ]);
  });
});
