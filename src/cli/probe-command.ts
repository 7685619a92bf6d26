import { ConfigError } from '../core/config-error.ts';
import { defaultProbeMaxResponseTimeMs, defaultProbeTimeoutMs } from '../core/defaults.ts';
import { secretsOf } from '../core/probe/build-request.ts';
import { checkDescriptions } from '../core/probe/checks.ts';
import { probeProvider } from '../core/probe/probe.ts';
import {
  formatCaseList,
  formatProbeJunit,
  formatProbeText,
  probeEnvelope,
} from '../core/probe/probe-report.ts';
import type { ProbeCredentials } from '../core/probe/types.ts';
import { shouldColour } from '../core/report/colour.ts';
import { loadSpec } from '../node/load-spec.ts';
import { defineCommand } from './command.ts';
import { UsageError } from './parse-argv.ts';

/** `probe`: tests a running provider against openapi.yaml with cases derived from the spec. */
export const probeCommand = defineCommand({
  name: 'probe',
  summary: 'test a running provider against openapi.yaml (cases derived from the spec)',
  description: `Sends every case derived from openapi.yaml to a provider (eMabler's test environment, a partner's
implementation, a staging deployment, the mock) and checks each answer. Positive cases are valid requests (the
spec's examples, every property, every enum value as a name and as an index, nullables, awkward strings);
negative cases break one rule at a time (types, enums, the query, the media type, malformed bodies,
credentials, the integration). The project's validator confirms every case before it is sent.
Every valid case creates a location: use --dry-run first, and --max-requests or --rate-limit on a real API.

Checks: ${Object.entries(checkDescriptions)
    .map(([id, text]) => `${id} (${text})`)
    .join('; ')}.`,
  options: {
    'provider-base-url': {
      type: 'string',
      value: 'URL',
      help: 'base URL of the provider, e.g. https://api.emabler.net/api',
    },
    'api-key': { type: 'string', value: 'KEY', help: 'eMabler v2 key (x-api-key)' },
    code: { type: 'string', help: 'eMabler v1 function code (with --client-id)' },
    'client-id': { type: 'string', value: 'ID', help: 'eMabler v1 customer id (with --code)' },
    integration: { type: 'string', value: 'ID', help: 'an integration that exists for these credentials' },
    format: {
      type: 'string',
      short: 'f',
      choices: ['text', 'json', 'junit'],
      default: 'text',
      help: 'text, json (the envelope) or junit (one testcase per case)',
    },
    strict: {
      type: 'boolean',
      help: "also hold the provider to this project's choices where the spec leaves the status open (formats, JSON-text hardening, media types)",
    },
    'max-response-time': {
      type: 'integer',
      value: 'MS',
      min: 1,
      default: defaultProbeMaxResponseTimeMs,
      help: 'slower answers fail response_time',
    },
    timeout: {
      type: 'integer',
      value: 'MS',
      min: 1,
      default: defaultProbeTimeoutMs,
      help: 'give up on an answer after this long',
    },
    'rate-limit': { type: 'string', value: 'N/s', help: 'send at most N requests per second, e.g. 5/s' },
    'max-requests': {
      type: 'integer',
      value: 'N',
      min: 1,
      help: 'send no more than N requests; the rest are reported as not sent',
    },
    seed: {
      type: 'integer',
      value: 'N',
      min: 0,
      max: 2 ** 32 - 1,
      help: 'seed of the random cases (default: a new one, printed)',
    },
    only: {
      type: 'string',
      value: 'ID|CASE',
      multiple: true,
      help: 'run only these checks (by id) or cases (by name, * as wildcard)',
    },
    skip: { type: 'string', value: 'ID|CASE', multiple: true, help: 'leave out these checks or cases' },
    'dry-run': { type: 'boolean', help: 'list the cases and send nothing' },
    'show-secrets': { type: 'boolean', help: 'print the key in the curl commands instead of $PROBE_SECRET' },
    spec: {
      type: 'string',
      value: 'FILE',
      help: "derive the cases from another OpenAPI file (default: the project's)",
    },
  },
  footer:
    'Exit codes: 0 every check passed, 1 a check failed, 2 usage error or the provider cannot be reached.',
  async run({ values }) {
    const baseUrl = values['dry-run']
      ? (values['provider-base-url'] ?? 'http://provider.invalid')
      : requireUrl(values['provider-base-url']);
    const credentials = readCredentials(
      values['api-key'],
      values.code,
      values['client-id'],
      values['dry-run'] === true,
    );
    const integrationId = values.integration ?? (values['dry-run'] ? 'int-example' : undefined);
    if (integrationId === undefined) throw new UsageError('--integration is required');
    const seed = values.seed ?? Math.floor(Math.random() * 2 ** 31);
    const result = await probeProvider({
      baseUrl,
      credentials,
      integrationId,
      spec: loadSpec(values.spec),
      seed,
      maxResponseTimeMs: values['max-response-time'],
      strict: values.strict,
      timeoutMs: values.timeout,
      ...(values['rate-limit'] ? { ratePerSecond: readRate(values['rate-limit']) } : {}),
      ...(values['max-requests'] ? { maxRequests: values['max-requests'] } : {}),
      only: values.only,
      skip: values.skip,
      dryRun: values['dry-run'] === true,
    });
    if (result.unreachable) throw new ConfigError(`probe: ${result.unreachable}`);
    const report = { baseUrl, secrets: secretsOf(credentials), showSecrets: values['show-secrets'] === true };
    if (values.format === 'json')
      process.stdout.write(`${JSON.stringify(probeEnvelope(result, report), null, 2)}\n`);
    else if (values.format === 'junit') process.stdout.write(formatProbeJunit(result, report));
    else if (values['dry-run']) process.stdout.write(formatCaseList(result));
    else
      process.stdout.write(
        formatProbeText(result, { ...report, colour: shouldColour(process.stdout.isTTY, process.env) }),
      );
    return result.ok ? 0 : 1;
  },
});

function requireUrl(value: string | undefined): string {
  if (value === undefined) throw new UsageError('--provider-base-url is required');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--provider-base-url must be an http(s) URL; got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--provider-base-url must be an http(s) URL; got "${value}"`);
  return value;
}

function readCredentials(
  apiKey: string | undefined,
  code: string | undefined,
  clientId: string | undefined,
  dryRun: boolean,
): ProbeCredentials {
  if ((code === undefined) !== (clientId === undefined))
    throw new UsageError('--code and --client-id go together (eMabler v1 credentials)');
  if (apiKey !== undefined && code !== undefined)
    throw new UsageError('give --api-key or --code with --client-id, not both');
  if (apiKey !== undefined) return { apiKey };
  if (code !== undefined && clientId !== undefined) return { code, clientId };
  if (dryRun) return { apiKey: 'dry-run' };
  throw new UsageError('--api-key (v2) or --code with --client-id (v1) is required');
}

function readRate(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(?:\/s)?$/.exec(text.trim());
  const rate = match ? Number(match[1]) : Number.NaN;
  if (!(rate > 0)) throw new UsageError(`--rate-limit must look like 5/s; got "${text}"`);
  return rate;
}
