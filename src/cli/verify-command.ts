import { ConfigError } from '../core/config-error.ts';
import { serverBasePaths } from '../core/openapi/server-base-paths.ts';
import { shouldColour } from '../core/report/colour.ts';
import { loadSpec } from '../node/load-spec.ts';
import { type BrokerOptions, parseSelectors } from '../pact/broker-options.ts';
import { defaultPactDirs, findProjectPacts } from '../pact/find-pacts.ts';
import { loadPactCore } from '../pact/load-pact-core.ts';
import { createMockAdmin, isMock } from '../pact/mock-admin.ts';
import { readPacts } from '../pact/read-pacts.ts';
import { stripAnsi } from '../pact/read-verifier-report.ts';
import { type VerifyOptions, verifyProvider } from '../pact/verify-provider.ts';
import { formatVerifyJson, formatVerifyJunit, formatVerifyText } from '../pact/verify-report.ts';
import { defineCommand } from './command.ts';
import { UsageError } from './parse-argv.ts';
import { verifyOptions } from './verify-options.ts';

/** `verify`: provider verification of pacts against any implementation of the API. */
export const verifyCommand = defineCommand({
  name: 'verify',
  summary: 'verify pacts against a provider (the mock, eMabler, a partner)',
  description: `Replays pact interactions against a provider (the mock, eMabler's test environment, a partner's implementation)
and checks every answer. Pacts come from files (--pacts, or the project's ./${defaultPactDirs.join(' or ./')}) or from a
Pact Broker (--broker-url), which selects them with consumer version selectors and receives the results.
Credentials and the integration are put into the project's pacts through their provider states, so the pacts'
example values can be replaced by real ones. Against an ocpi-location-kit mock, the project's provider states
are set up through its /__mock endpoints.`,
  options: verifyOptions,
  footer:
    'Exit codes: 0 every interaction passed (pending failures allowed), 1 a failure, 2 usage error, unreadable\npacts, or nothing verified (provider or broker unreachable).',
  async run({ values }) {
    const providerBaseUrl = requireUrl('--provider-base-url', values['provider-base-url']);
    await loadPactCore();
    const stateSetupUrl =
      values['state-setup-url'] && requireUrl('--state-setup-url', values['state-setup-url']);
    if ((values.code === undefined) !== (values['client-id'] === undefined)) {
      throw new UsageError('--code and --client-id go together (eMabler v1 credentials)');
    }
    const brokerUrl =
      values['broker-url'] ?? (values.pacts ? undefined : process.env.PACT_BROKER_BASE_URL || undefined);
    if (values.pacts !== undefined && values['broker-url'] !== undefined)
      throw new UsageError('give --pacts or --broker-url, not both');
    const broker = brokerUrl ? brokerFrom(brokerUrl, values) : undefined;
    if (!broker) {
      const brokerOnly = [
        'consumer-version-selectors',
        'enable-pending',
        'include-wip-pacts-since',
        'publish',
      ];
      const given = brokerOnly.find((name) => {
        const value = values[name as keyof typeof values];
        return Array.isArray(value) ? value.length > 0 : Boolean(value);
      });
      if (given) throw new UsageError(`--${given} needs pacts from a broker`);
    }
    const pactFiles = broker
      ? undefined
      : readPacts(values.pacts ?? findProjectPacts()).map((file) => file.path);
    const spec = loadSpec(values.spec);
    const mock = !stateSetupUrl && (await isMock(providerBaseUrl));
    const run: VerifyOptions = {
      providerBaseUrl,
      ...(pactFiles ? { pactFiles } : {}),
      ...(broker ? { broker } : {}),
      overrides: {
        ...(values['api-key'] ? { apiKey: values['api-key'] } : {}),
        ...(values.code ? { code: values.code, clientId: values['client-id'] } : {}),
        ...(values.integration ? { integrationId: values.integration } : {}),
      },
      ...(stateSetupUrl ? { stateSetupUrl } : {}),
      ...(mock ? { setup: createMockAdmin(providerBaseUrl) } : {}),
      ...(stripsBasePath(values['strip-base-path'], providerBaseUrl, spec.doc)
        ? { stripBasePathsOf: spec.doc }
        : {}),
      ...(values['log-level'] ? { logLevel: values['log-level'] } : {}),
    };
    const source = pactFiles
      ? `${pactFiles.length} pact file${pactFiles.length === 1 ? '' : 's'}`
      : `pacts from ${brokerUrl}`;
    const states = stateSetupUrl
      ? `states forwarded to ${stateSetupUrl}`
      : mock
        ? "states set up through the mock's /__mock endpoints"
        : 'states supply values only, no setup endpoint';
    process.stderr.write(`Verifying ${source} against ${providerBaseUrl} (${states})\n`);
    const result = await verifyProvider(run);
    const colour = shouldColour(process.stdout.isTTY, process.env);
    if (values['log-level'] && result.logs.trim() !== '') {
      // pact-core's and the native verifier's log lines, asked for: on stderr, without the printed report, and
      // without the secrets this run was given (trace logs show request headers and broker credentials).
      const report = new Set(result.output.map(stripAnsi));
      const secrets = [
        values['broker-token'],
        values['broker-password'],
        values['api-key'],
        values.code,
      ].filter((secret): secret is string => Boolean(secret));
      let text = result.logs
        .split('\n')
        .filter((line) => !report.has(stripAnsi(line)))
        .join('\n')
        .trim();
      for (const secret of secrets) text = text.split(secret).join('***');
      if (!shouldColour(process.stderr.isTTY, process.env)) text = stripAnsi(text);
      if (text !== '') process.stderr.write(`${text}\n`);
    }
    if (values.format === 'json') process.stdout.write(formatVerifyJson(result, providerBaseUrl));
    else if (values.format === 'junit') process.stdout.write(formatVerifyJunit(result, providerBaseUrl));
    else process.stdout.write(formatVerifyText(result, providerBaseUrl, colour));
    if (values.format !== 'text') {
      // The broker's notices (why each pact was selected) are diagnostics beside a machine-read report.
      for (const pact of result.pacts) for (const notice of pact.notices) process.stderr.write(`${notice}\n`);
    }
    if (result.interactions.length === 0) {
      if (values.format !== 'text') process.stderr.write(`ocpi-location-kit: verify: ${result.reason}\n`);
      return 2;
    }
    return result.ok ? 0 : 1;
  },
});

function brokerFrom(url: string, values: Record<string, unknown>): BrokerOptions {
  requireUrl('--broker-url', url);
  const text = (name: string) => values[name] as string | undefined;
  if (text('broker-token') && (text('broker-username') || text('broker-password')))
    throw new UsageError('give --broker-token or --broker-username with --broker-password, not both');
  if ((text('broker-username') === undefined) !== (text('broker-password') === undefined))
    throw new UsageError('--broker-username and --broker-password go together');
  const selectors = parseSelectors(values['consumer-version-selectors'] as string[]);
  if (!selectors.ok) throw new UsageError(`--consumer-version-selectors: ${selectors.issues.join('; ')}`);
  const since = text('include-wip-pacts-since');
  if (since !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(since))
    throw new UsageError(`--include-wip-pacts-since must be a date (YYYY-MM-DD); got "${since}"`);
  if (values.publish && !text('provider-version'))
    throw new UsageError('--publish needs --provider-version (e.g. the git sha)');
  const defined = (name: string, key: keyof BrokerOptions) => (text(name) ? { [key]: text(name) } : {});
  return {
    url,
    ...defined('broker-token', 'token'),
    ...defined('broker-username', 'username'),
    ...defined('broker-password', 'password'),
    selectors: selectors.value,
    enablePending: values['enable-pending'] === true,
    ...defined('include-wip-pacts-since', 'includeWipPactsSince'),
    publish: values.publish === true,
    ...defined('provider-version', 'providerVersion'),
    ...defined('provider-branch', 'providerBranch'),
  };
}

/**
 * Whether local pacts' server base paths are removed before the replay: always, never, or (auto) when the
 * provider's base URL already ends with one of the spec's server base paths (`https://api.emabler.net/api`).
 */
function stripsBasePath(mode: string, providerBaseUrl: string, doc: Record<string, unknown>): boolean {
  if (mode !== 'auto') return mode === 'always';
  const path = new URL(providerBaseUrl).pathname.replace(/\/+$/, '');
  return path !== '' && serverBasePaths(doc).some((base) => path.endsWith(base.basePath));
}

function requireUrl(flag: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`${flag} is required`);
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw new ConfigError(`${flag} must be an http(s) URL; got "${value}"`);
  }
  return value;
}
