import type { RequestCheck } from '../exchange/check-exchange.ts';
import type { Exchange } from '../exchange/exchange.ts';
import type { Spec } from '../openapi/spec.ts';
import { mediaTypeOf } from '../validation/validate-response.ts';
import type { Json } from './canonical-json.ts';
import { describeOutcome } from './describe-interaction.ts';
import type { PactBody, PactInteractionV4, PactRequest, RuleList, StateGenerator } from './pact-v4.ts';
import { rule } from './pact-v4.ts';
import { planOf } from './plan-states.ts';
import { contentTypeRule, matchResponseBody } from './response-matchers.ts';

/** An exchange turned into an interaction, or why it is not one a consumer contract can hold. */
export type Recorded = { ok: true; interaction: PactInteractionV4 } | { ok: false; reason: string };

const generator = (name: string): StateGenerator => ({ type: 'ProviderState', expression: `\${${name}}` });
const typeRule: RuleList = rule({ match: 'type' });

/**
 * Builds the interaction of one exchange of the operation: provider states with parameters for credentials and
 * the integration (never the values sent), only the headers the operation declares plus `Content-Type` and
 * `Accept`, the query's declared parameters, and the answer with matchers derived from the spec.
 */
export function interactionFromExchange(spec: Spec, exchange: Exchange, check: RequestCheck): Recorded {
  const { operation } = spec;
  const { request, response } = exchange;
  if (!check.params || request.method.toUpperCase() !== operation.method)
    return {
      ok: false,
      reason: `${request.method} ${check.params ? '' : 'to another path '}is not ${operation.method} ${operation.pathTemplate}`,
    };
  const plan = planOf(response.status, check);
  if (!plan.ok) return plan;
  const { value } = plan;
  const pathName = Object.keys(check.params)[0] ?? 'integrationId';
  const path = operation.pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) =>
    name === pathName ? value.integrationId : (check.params?.[name] ?? ''),
  );
  const headers: Record<string, string[]> = {};
  const query: Record<string, string[]> = {};
  const generators: NonNullable<PactRequest['generators']> = {};
  const rules: NonNullable<PactRequest['matchingRules']> = {};
  for (const name of ['accept', 'content-type']) {
    const sent = request.headers[name];
    if (sent !== undefined) headers[name] = [sent];
  }
  for (const parameter of operation.parameters) {
    const sent =
      parameter.in === 'query' ? check.query[parameter.name] : request.headers[parameter.name.toLowerCase()];
    if (sent === undefined) continue;
    (parameter.in === 'query' ? query : headers)[
      parameter.in === 'query' ? parameter.name : parameter.name.toLowerCase()
    ] = Array.isArray(sent) ? sent : [sent];
  }
  for (const credential of operation.security.flat()) {
    const stored = value.credentials[credential.name];
    if (!stored) continue;
    const key = credential.in === 'header' ? credential.name.toLowerCase() : credential.name;
    const target = credential.in === 'header' ? 'header' : 'query';
    (target === 'header' ? headers : query)[key] = [stored.value];
    if (!stored.param) continue;
    generators[target] = { ...generators[target], [key]: generator(stored.param) };
    rules[target] = { ...rules[target], [key]: typeRule };
  }
  if (value.integrationByState) {
    generators.path = {
      type: 'ProviderState',
      expression: operation.pathTemplate.replace(`{${pathName}}`, generator('integrationId').expression),
    };
    rules.path = typeRule;
  }
  const body = bodyOf(request.body, request.headers['content-type'] ?? 'application/json');
  const pactRequest: PactRequest = {
    method: operation.method,
    path,
    ...(Object.keys(query).length > 0 ? { query } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(body ? { body } : {}),
    ...(Object.keys(generators).length > 0 ? { generators } : {}),
    ...(Object.keys(rules).length > 0 ? { matchingRules: rules } : {}),
  };
  const plainQuery = Object.fromEntries(
    Object.entries(check.query)
      .filter(([name]) => operation.parameters.some((p) => p.in === 'query' && p.name === name))
      .map(([name, v]) => [name, Array.isArray(v) ? v.join(',') : v]),
  );
  const description = describeOutcome({
    status: response.status,
    credentials: check.credentials,
    issues: check.issues,
    query: plainQuery,
    problemDetails: mediaTypeOf(response.contentType) === 'application/problem+json',
  });
  const scrub = (text: string) =>
    scrubText(text, check.secrets, check.params?.[pathName], value.integrationId);
  return {
    ok: true,
    interaction: {
      type: 'Synchronous/HTTP',
      description,
      pending: false,
      ...(value.state ? { providerStates: [value.state] } : {}),
      request: pactRequest,
      response: responseOf(spec, exchange.response, scrub),
    },
  };
}

function bodyOf(text: string, contentType: string): PactBody | undefined {
  if (text === '') return undefined;
  try {
    return {
      content: JSON.parse(text) as Json,
      contentType: mediaTypeOf(contentType) ?? 'application/json',
      encoded: false,
    };
  } catch {
    // Not JSON: the bytes as they were, so the provider gets exactly what the consumer sent.
    return {
      content: base64(text),
      contentType: mediaTypeOf(contentType) ?? 'application/octet-stream',
      encoded: 'base64',
    };
  }
}

function responseOf(
  spec: Spec,
  response: Exchange['response'],
  scrub: (text: string) => string,
): PactInteractionV4['response'] {
  const { status, contentType } = response;
  if (contentType === undefined || response.body === '') return { status };
  const media = mediaTypeOf(contentType) ?? contentType;
  const headers = { 'content-type': [contentType] };
  const headerRules = { 'content-type': contentTypeRule(contentType) };
  const documented = spec.operation.responses[status]?.content[media];
  let parsed: unknown;
  try {
    parsed = media.endsWith('json') ? JSON.parse(scrub(response.body)) : undefined;
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined) {
    const body: PactBody = { content: scrub(response.body), contentType: media, encoded: false };
    return { status, headers, body, matchingRules: { header: headerRules } };
  }
  const matched = documented
    ? matchResponseBody(spec.doc, documented.schemaPointer, parsed)
    : { content: parsed as Json, rules: {} };
  const body: PactBody = { content: matched.content, contentType: media, encoded: false };
  const bodyRules = Object.keys(matched.rules).length > 0 ? { body: matched.rules } : {};
  return { status, headers, body, matchingRules: { header: headerRules, ...bodyRules } };
}

/** Every secret sent, and the integration id, replaced in a text the provider answered (a problem's `instance`). */
function scrubText(
  text: string,
  secrets: readonly string[],
  sentIntegration: string | undefined,
  stored: string,
): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 3) out = out.replaceAll(secret, '***');
  if (sentIntegration && sentIntegration.length >= 3) out = out.replaceAll(sentIntegration, stored);
  return out;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
