import { bodyCase, hardeningIsOurs, leftOpen } from './body-cases.ts';
import type { AuthVariant, BrokenRule, CaseBody, ProbeCase, ProbeCredentials } from './types.ts';

const valid: CaseBody = { kind: 'json', value: { name: 'Probe site' } };
const invalid: CaseBody = { kind: 'json', value: { parkingType: 'CAR_PARK' } };
const invalidRule: BrokenRule = { where: 'body', code: 'enum', instancePath: '/parkingType' };
const badQuery: readonly [string, string] = ['excludeChargers', 'yes'];
const queryRule: BrokenRule = { where: 'query', code: 'enum', instancePath: '/excludeChargers' };

/** The query, the media type and the parsing of the body: what the spec refuses before the schema. */
export function requestCases(): ProbeCase[] {
  const query = (name: string, pairs: [string, string][]): ProbeCase => ({
    ...bodyCase(name, valid),
    query: pairs,
  });
  const parse = (name: string, text: string, code: string, breaks: string) =>
    bodyCase(name, { kind: 'text', text }, { breaks, rule: { where: 'parse', code } });
  return [
    query('query:excludeChargers=true', [['excludeChargers', 'true']]),
    query('query:excludeChargers=false', [['excludeChargers', 'false']]),
    ...[
      ['yes', 'excludeChargers is not true or false'],
      ['TRUE', 'excludeChargers is true in capitals'],
      ['', 'excludeChargers is empty'],
      ['1', 'excludeChargers is 1'],
    ].map(([value, breaks]) => ({
      ...bodyCase(`query:excludeChargers=${value === '' ? 'empty' : value}`, valid, {
        breaks: breaks as string,
        rule: queryRule,
      }),
      query: [['excludeChargers', value as string]] as const,
    })),
    {
      ...bodyCase('query:excludeChargers-repeated', valid, {
        breaks: 'excludeChargers is given twice',
        rule: { where: 'query', code: 'duplicate-parameter', instancePath: '/excludeChargers' },
      }),
      query: [
        ['excludeChargers', 'true'],
        ['excludeChargers', 'true'],
      ],
    },
    leftOpen(
      { ...bodyCase('media-type:none', { kind: 'text', text: '{"name":"Probe site"}' }), contentType: null },
      hardeningIsOurs,
    ),
    { ...bodyCase('media-type:json-with-charset', valid), contentType: 'application/json; charset=utf-8' },
    leftOpen(
      { ...bodyCase('media-type:vendor-json', valid), contentType: 'application/vnd.probe+json' },
      hardeningIsOurs,
    ),
    leftOpen(bodyCase('empty-body', { kind: 'text', text: '' }), hardeningIsOurs),
    ...[
      ['text/plain', 'the body is sent as text/plain'],
      ['application/x-www-form-urlencoded', 'the body is sent as a form'],
      ['application/xml', 'the body is sent as XML'],
    ].map(([type, breaks]) => ({
      ...bodyCase(
        `media-type:${type}`,
        { kind: 'text', text: '{"name":"Probe site"}' },
        {
          breaks: breaks as string,
          rule: { where: 'media-type' },
        },
      ),
      contentType: type as string,
    })),
    parse('parse:truncated', '{"name":"Probe site"', 'malformed-json', 'the body is cut off'),
    parse('parse:not-json', 'name=Probe+site', 'malformed-json', 'the body is not JSON'),
    parse(
      'parse:trailing-comma',
      '{"name":"Probe site",}',
      'malformed-json',
      'the body has a trailing comma',
    ),
    leftOpen(
      parse('parse:repeated-key', '{"name":"A","name":"B"}', 'duplicate-key', 'the body repeats a key'),
      hardeningIsOurs,
    ),
    ...[
      parse(
        'parse:escaped-control-character',
        '{"name":"A\\u0000B"}',
        'control-character',
        'the body escapes a control character',
      ),
      parse(
        'parse:too-deep',
        `${'{"chargers":['.repeat(20)}${']}'.repeat(20)}`,
        'max-depth',
        'the body nests deeper than 32 levels',
      ),
      bodyCase(
        'encoding:not-utf8',
        {
          kind: 'bytes',
          bytes: [0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d],
        },
        {
          breaks: 'the body is not UTF-8',
          rule: { where: 'encoding' },
        },
      ),
    ].map((probeCase) => leftOpen(probeCase, hardeningIsOurs)),
  ];
}

/**
 * Credentials and the integration, with the faults combined only where the spec fixes which answer wins:
 * credentials (401) before the integration (404) before the query and the body (400).
 */
export function accessCases(credentials: ProbeCredentials): ProbeCase[] {
  const noAuth: BrokenRule = { where: 'credentials' };
  const unknown: BrokenRule = { where: 'integration' };
  const access = (
    name: string,
    auth: AuthVariant,
    integration: 'known' | 'unknown',
    expected: ProbeCase['expected'],
    breaks: string,
    rules: BrokenRule[],
    extra: Partial<ProbeCase> = {},
  ): ProbeCase => ({
    ...bodyCase(name, valid),
    kind: rules.length === 0 ? 'positive' : 'negative',
    auth,
    integration,
    expected,
    breaks,
    rules,
    ...extra,
  });
  const cases: ProbeCase[] = [
    access('auth:none', 'none', 'known', 401, 'no credentials', [noAuth]),
    access('auth:wrong-key', 'wrong-key', 'known', 401, 'an API key nobody has', [noAuth]),
    access(
      'auth:none+unknown-integration',
      'none',
      'unknown',
      401,
      'no credentials and an unknown integration (401 comes first)',
      [noAuth, unknown],
    ),
    access(
      'auth:wrong-key+unknown-integration',
      'wrong-key',
      'unknown',
      401,
      'a wrong key and an unknown integration (401 comes first)',
      [noAuth, unknown],
    ),
    access(
      'auth:none+invalid-body',
      'none',
      'known',
      401,
      'no credentials and an invalid body (401 comes first)',
      [noAuth, invalidRule],
      { body: invalid },
    ),
    access('integration:unknown', 'valid', 'unknown', 404, 'an integration that does not exist', [unknown]),
    access(
      'integration:unknown+invalid-body',
      'valid',
      'unknown',
      404,
      'an unknown integration and an invalid body (404 comes first)',
      [unknown, invalidRule],
      { body: invalid },
    ),
    access(
      'integration:unknown+bad-query',
      'valid',
      'unknown',
      404,
      'an unknown integration and a bad excludeChargers (404 comes first)',
      [unknown, queryRule],
      { query: [badQuery] },
    ),
    access(
      'query:bad+invalid-body',
      'valid',
      'known',
      400,
      'a bad excludeChargers and an invalid body (both 400)',
      [queryRule, invalidRule],
      { query: [badQuery], body: invalid },
    ),
  ];
  if ('code' in credentials) {
    // Only with a known clientId: a wrong code beside an unknown customer could fairly be 401 or 404.
    cases.push(
      access('auth:wrong-code', 'wrong-code', 'known', 401, 'a v1 function code nobody has', [noAuth]),
      access(
        'auth:v1-key-header',
        'valid-key-header',
        'known',
        200,
        'nothing (the v1 key as the x-functions-key header)',
        [],
      ),
      access(
        'auth:unknown-client',
        'unknown-client',
        'known',
        404,
        'a customer id unknown to the function code',
        [{ where: 'integration' }],
      ),
      access(
        'auth:code-without-client',
        'code-without-client',
        'known',
        401,
        'the function code without its clientId',
        [noAuth],
      ),
    );
  }
  // Asking for the problem document: a provider may still answer with the sentence; both are documented.
  const problem = (c: ProbeCase): ProbeCase => ({
    ...c,
    name: `problem:${c.name}`,
    accept: 'application/problem+json',
  });
  const invalidBody = bodyCase('invalid-body', invalid, {
    breaks: 'parkingType is not one of its names',
    rule: invalidRule,
  });
  const named = (name: string) => cases.find((c) => c.name === name) as ProbeCase;
  cases.push(problem(invalidBody), problem(named('auth:none')), problem(named('integration:unknown')));
  return cases;
}
