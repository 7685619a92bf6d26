import { mediaTypeOf } from '../validation/validate-response.ts';
import type { Validator } from '../validation/validator.ts';
import { createBodyBuilder } from './body-builder.ts';
import { positiveBodyCases } from './body-cases.ts';
import { createRandom } from './random.ts';
import { accessCases, requestCases } from './request-cases.ts';
import { listSites } from './schema-sites.ts';
import type { BrokenRule, ExpectedStatus, ProbeCase, ProbeCredentials, UnconfirmedCase } from './types.ts';
import { negativeBodyCases } from './violation-cases.ts';

/** The cases of one run: those the validator confirmed, and those it did not (never sent). */
export interface DerivedCases {
  readonly cases: ProbeCase[];
  readonly unconfirmed: UnconfirmedCase[];
}

/** The deepest nesting the spec's operation description allows a body ("deeper than 32 levels is a 400"). */
const maxDepth = 32;

/**
 * Derives the probe's cases from the spec, enumerated in a fixed order (only `random:*` bodies depend on the
 * seed), and keeps a case only when the project's own validator agrees: a positive case has no error, a
 * negative case breaks exactly the rules it names. So no case can be the cause of a false alarm.
 */
export function deriveCases(validator: Validator, credentials: ProbeCredentials, seed: number): DerivedCases {
  const { spec } = validator;
  const sites = listSites(spec.doc, spec.operation.bodyPointer);
  const examples = spec.operation.requestExamples;
  const build = createBodyBuilder(sites, examples);
  const all = [
    ...positiveBodyCases(sites, build, examples, createRandom(seed)),
    ...negativeBodyCases(sites, build),
    ...requestCases(),
    ...accessCases(credentials),
  ];
  const cases: ProbeCase[] = [];
  const unconfirmed: UnconfirmedCase[] = [];
  const names = new Set<string>();
  for (const probeCase of all) {
    if (names.has(probeCase.name)) throw new Error(`two probe cases are named ${probeCase.name}`);
    names.add(probeCase.name);
    const reason = confirm(validator, probeCase);
    if (reason) unconfirmed.push({ name: probeCase.name, reason });
    else cases.push(probeCase);
  }
  return { cases, unconfirmed };
}

/** Why the validator does not confirm a case, or undefined when it does. */
function confirm(validator: Validator, probeCase: ProbeCase): string | undefined {
  const expected = expectedFor(probeCase.rules);
  if (expected !== probeCase.expected)
    return `the spec's order gives ${expected}, the case says ${probeCase.expected}`;
  const bodyRules = probeCase.rules.filter((rule) =>
    ['body', 'parse', 'media-type', 'encoding'].includes(rule.where),
  );
  const queryRules = probeCase.rules.filter((rule) => rule.where === 'query');
  const queryIssues = validator.validateInputs({
    path: { integrationId: 'probe' },
    query: queryObject(probeCase.query),
  });
  const queryReason = matchIssues(queryIssues, queryRules, 'query');
  if (queryReason) return queryReason;
  return bodyReason(validator, probeCase, bodyRules[0]);
}

/** The status the spec prescribes for faults checked in its order: credentials, integration, query, body. */
function expectedFor(rules: readonly BrokenRule[]): ExpectedStatus {
  if (rules.some((rule) => rule.where === 'credentials')) return 401;
  if (rules.some((rule) => rule.where === 'integration')) return 404;
  return rules.length > 0 ? 400 : 200;
}

function queryObject(pairs: ProbeCase['query']): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const known = query[name];
    query[name] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value];
  }
  return query;
}

/** Whether the issues are exactly the rules' (one error each, at the named place and of the named kind). */
function matchIssues(
  issues: readonly { severity: string; code: string; instancePath: string }[],
  rules: readonly BrokenRule[],
  what: string,
): string | undefined {
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (errors.length !== rules.length)
    return `the validator finds ${errors.length} ${what} error(s) where the case names ${rules.length}: ${errors.map((e) => `${e.code} at ${e.instancePath || '/'}`).join(', ')}`;
  for (const [i, rule] of rules.entries()) {
    const error = errors[i];
    if (rule.code !== undefined && error?.code !== rule.code)
      return `the validator reports ${error?.code} where the case names ${rule.code}`;
    if (rule.instancePath !== undefined && error?.instancePath !== rule.instancePath)
      return `the validator reports ${error?.instancePath} where the case names ${rule.instancePath}`;
  }
  return undefined;
}

const jsonMediaType = (type: string) =>
  type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type);

function bodyReason(
  validator: Validator,
  probeCase: ProbeCase,
  rule: BrokenRule | undefined,
): string | undefined {
  const { body } = probeCase;
  const declared =
    probeCase.contentType === null ? undefined : mediaTypeOf(probeCase.contentType ?? 'application/json');
  const jsonTyped = declared === undefined || jsonMediaType(declared);
  if (rule?.where === 'media-type')
    return jsonTyped ? `${declared} is a media type the spec accepts` : undefined;
  if (!jsonTyped) return `${declared} is not a media type the spec accepts`;
  if (body.kind === 'bytes') {
    if (rule?.where !== 'encoding') return 'bytes are sent only to break the encoding';
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(body.bytes));
      return 'the bytes are valid UTF-8';
    } catch {
      return undefined;
    }
  }
  if (body.kind === 'none' || (body.kind === 'text' && body.text.trim() === '')) {
    if (validator.spec.operation.bodyRequired) return 'the spec requires a body';
    return rule ? `an empty body breaks no ${rule.where} rule` : undefined;
  }
  let value: unknown;
  if (body.kind === 'text') {
    const parsed = validator.parseBody(body.text, { maxDepth });
    if (rule?.where === 'parse') return matchIssues(parsed.ok ? [] : [parsed.issue], [rule], 'parse');
    if (!parsed.ok) return `the validator cannot parse the body: ${parsed.issue.message}`;
    value = parsed.value;
  } else {
    value = body.value;
  }
  const result = validator.validateBody(value);
  return matchIssues(result.issues, rule?.where === 'body' ? [rule] : [], 'body');
}
