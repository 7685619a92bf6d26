import { describe, expect, it } from 'vitest';
import { createValidator } from '../../../src/core/validation/validator.ts';
import { resolves, spec } from './spec-facts.ts';

const validator = createValidator(spec);
const path = { integrationId: 'int-tampere-roaming' };

describe('validateInputs', () => {
  it.each([['true'], ['false']])('accepts excludeChargers=%s', (value) => {
    expect(validator.validateInputs({ path, query: { excludeChargers: value } })).toEqual([]);
  });

  it('accepts a request without excludeChargers', () => {
    expect(validator.validateInputs({ path, query: {} })).toEqual([]);
  });

  it.each([['maybe'], ['TRUE'], ['False'], [''], ['1']])(
    'rejects excludeChargers=%j with the allowed values',
    (value) => {
      const issues = validator.validateInputs({ path, query: { excludeChargers: value } });
      expect(issues).toEqual([
        {
          severity: 'error',
          code: 'enum',
          instancePath: '/excludeChargers',
          location: 'query',
          specPointer: '/components/parameters/ExcludeChargers/schema/enum',
          allowedValues: ['true', 'false'],
          message: `query parameter excludeChargers must be true or false; got the string ${JSON.stringify(value)}`,
        },
      ]);
    },
  );

  it.each([[['true', 'true']], [['true', 'false']]])('rejects excludeChargers given twice (%j)', (values) => {
    expect(validator.validateInputs({ path, query: { excludeChargers: values } })).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'duplicate-parameter',
        instancePath: '/excludeChargers',
        location: 'query',
        message: 'query parameter excludeChargers is given 2 times; send it once',
      }),
    ]);
  });

  it('reports a missing integrationId', () => {
    expect(validator.validateInputs({ path: {} })).toEqual([
      expect.objectContaining({ code: 'required', instancePath: '/integrationId', location: 'path' }),
    ]);
  });

  it('reports an empty integrationId in plain words', () => {
    const [issue] = validator.validateInputs({ path: { integrationId: '' } });
    expect(issue?.message).toBe('path parameter integrationId must not be empty; got the string ""');
  });

  it('emits only specPointers that resolve to a node of openapi.yaml', () => {
    const issues = [
      ...validator.validateInputs({ path: {}, query: { excludeChargers: 'maybe' } }),
      ...validator.validateInputs({ path: { integrationId: '' }, query: { excludeChargers: ['a', 'b'] } }),
    ];
    expect(issues).toHaveLength(4);
    for (const issue of issues) expect(resolves(issue.specPointer), issue.specPointer).toBe(true);
  });
});

describe('parseBody', () => {
  it('parses a JSON object', () => {
    expect(validator.parseBody('{"name": "Kauppatori Oulu"}')).toEqual({
      ok: true,
      value: { name: 'Kauppatori Oulu' },
    });
  });

  it.each([
    ['a trailing comma', '{\n  "name": "x",\n}', 'at line 3, column 1: Expected double-quoted property name'],
    [
      'a bare word',
      '{\n  "name": "x",\n  "city": undefined\n}',
      "at line 3, column 11: Unexpected token 'u'",
    ],
    ['a stray first character', 'x{}', "at line 1, column 1: Unexpected token 'x'"],
    ['a truncated literal', '{"publish": tru}', "at line 1, column 16: Unexpected token '}'"],
    ['a cut-off array', '[1,2', "at line 1, column 5: Expected ',' or ']' after array element"],
    ['text after the value', '{} {}', 'at line 1, column 4: Unexpected non-whitespace character after JSON'],
    [
      'a raw newline in a string',
      '{"a": "b\nc"}',
      'at line 1, column 9: Bad control character in string literal',
    ],
    ['a byte-order mark', '\uFEFF{}', 'at line 1, column 1: it starts with a byte-order mark (U+FEFF)'],
    ['single quotes', "{'name': 'x'}", "at line 1, column 2: Expected property name or '}'"],
  ])('reports %s with its line and column', (_, text, detail) => {
    const result = validator.parseBody(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issue).toMatchObject({
      severity: 'error',
      code: 'malformed-json',
      instancePath: '',
      location: 'body',
    });
    expect(result.issue.message).toBe(`the body is not valid JSON ${detail}`);
    expect(resolves(result.issue.specPointer)).toBe(true);
    // The input is never echoed back into the message.
    expect(result.issue.message).not.toContain('is not valid JSON"');
  });

  it.each([[''], ['   \n']])('reports an empty body (%j)', (text) => {
    const result = validator.parseBody(text);
    expect(result).toMatchObject({
      ok: false,
      issue: { code: 'empty-body', message: 'the body is empty; send a JSON object such as {}' },
    });
  });

  it('points a syntax error at the request body media type in openapi.yaml', () => {
    const result = validator.parseBody('{');
    expect(result.ok ? '' : result.issue.specPointer).toBe(
      '/paths/~1integrations~1{integrationId}~1locations/post/requestBody/content/application~1json',
    );
  });
});
