import { ConfigError } from '../core/config-error.ts';
import { defaultHost, defaultMockPort } from '../core/defaults.ts';
import { loadPactCore } from '../pact/load-pact-core.ts';
import { createMockAdmin, isMock } from '../pact/mock-admin.ts';
import { readPacts } from '../pact/read-pacts.ts';
import { type VerifyOptions, type VerifyResult, verifyProvider } from '../pact/verify-provider.ts';
import { defineCommand } from './command.ts';
import { UsageError } from './parse-argv.ts';

/** `verify`: provider verification of pacts against any implementation of the API. */
export const verifyCommand = defineCommand({
  name: 'verify',
  summary: 'verify pacts against a provider (the mock, eMabler, a partner)',
  description: `Replays pact interactions against a provider (the mock, eMabler's test environment, a partner's implementation)
and checks every answer. Credentials and the integration are put into the project's pacts through their
provider states, so the pacts' example values can be replaced by real ones. Against an ocpi-location-kit mock,
the project's provider states are set up through its /__mock endpoints.`,
  options: {
    'provider-base-url': {
      type: 'string',
      value: 'URL',
      help: `base URL of the provider, e.g. http://${defaultHost}:${defaultMockPort} or https://api.emabler.net/api`,
    },
    pacts: {
      type: 'string',
      value: 'FILE|DIR',
      help: 'pact file or directory (default: contracts/pacts/, unless --broker-url is given)',
    },
    'api-key': {
      type: 'string',
      value: 'KEY',
      help: 'eMabler v2 key for the interactions that send valid credentials',
    },
    code: { type: 'string', help: 'eMabler v1 function code (with --client-id), for the same' },
    'client-id': { type: 'string', value: 'ID', help: 'eMabler v1 customer id (with --code)' },
    integration: {
      type: 'string',
      value: 'ID',
      help: 'integration id for the interactions that need an existing integration',
    },
    'state-setup-url': {
      type: 'string',
      value: 'URL',
      help: "provider endpoint that sets states up (Pact's {state, params, action}); its JSON answer may supply apiKey, code, clientId and integrationId",
    },
    'broker-url': {
      type: 'string',
      value: 'URL',
      help: 'Pact Broker (default: $PACT_BROKER_BASE_URL when --pacts is not given)',
    },
    'broker-token': { type: 'string', value: 'TOKEN', env: 'PACT_BROKER_TOKEN', help: 'Pact Broker token' },
    publish: {
      type: 'boolean',
      help: 'publish the verification results to the broker (needs --provider-version)',
    },
    'provider-version': { type: 'string', value: 'V', help: 'provider version to publish, e.g. a git sha' },
    'provider-branch': { type: 'string', value: 'B', help: 'provider branch to publish' },
  },
  footer: 'Exit codes: 0 every interaction passed, 1 a failure (or nothing verified), 2 usage error.',
  async run({ values }) {
    const providerBaseUrl = requireUrl('--provider-base-url', values['provider-base-url']);
    await requireVerifier();
    const stateSetupUrl =
      values['state-setup-url'] && requireUrl('--state-setup-url', values['state-setup-url']);
    if ((values.code === undefined) !== (values['client-id'] === undefined)) {
      throw new UsageError('--code and --client-id go together (eMabler v1 credentials)');
    }
    const brokerUrl = values['broker-url'] ?? (values.pacts ? undefined : process.env.PACT_BROKER_BASE_URL);
    if (values.publish && (!brokerUrl || !values['provider-version'])) {
      throw new UsageError('--publish needs --broker-url (or $PACT_BROKER_BASE_URL) and --provider-version');
    }
    let pactFiles: string[] | undefined;
    if (values.pacts !== undefined || !brokerUrl) {
      pactFiles = readPacts(values.pacts).map((file) => file.path);
    }
    const mock = !stateSetupUrl && (await isMock(providerBaseUrl));
    const run: VerifyOptions = {
      providerBaseUrl,
      ...(pactFiles ? { pactFiles } : {}),
      overrides: {
        ...(values['api-key'] ? { apiKey: values['api-key'] } : {}),
        ...(values.code ? { code: values.code, clientId: values['client-id'] } : {}),
        ...(values.integration ? { integrationId: values.integration } : {}),
      },
      ...(stateSetupUrl ? { stateSetupUrl } : {}),
      ...(mock ? { setup: createMockAdmin(providerBaseUrl) } : {}),
      ...(brokerUrl
        ? {
            broker: {
              url: brokerUrl,
              ...(values['broker-token'] ? { token: values['broker-token'] } : {}),
              publish: values.publish === true,
              ...(values['provider-version'] ? { providerVersion: values['provider-version'] } : {}),
              ...(values['provider-branch'] ? { providerBranch: values['provider-branch'] } : {}),
            },
          }
        : {}),
    };
    const source = pactFiles
      ? `${pactFiles.length} pact file${pactFiles.length === 1 ? '' : 's'}`
      : `pacts from ${brokerUrl}`;
    const states = stateSetupUrl
      ? `states forwarded to ${stateSetupUrl}`
      : mock
        ? "states set up through the mock's /__mock endpoints"
        : 'states supply values only, no setup endpoint';
    process.stdout.write(`Verifying ${source} against ${providerBaseUrl} (${states})\n`);
    const result = await verifyProvider(run);
    process.stdout.write(summary(result, providerBaseUrl));
    return result.ok ? 0 : 1;
  },
});

/** The optional verifier, checked before anything reaches the network; missing, it is one line and exit 2. */
async function requireVerifier(): Promise<void> {
  await loadPactCore();
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

/** The closing lines: a verdict, then one line per failed interaction with the verifier's mismatches. */
export function summary(result: VerifyResult, providerBaseUrl: string): string {
  const total = result.interactions.length;
  const failed = result.interactions.filter((i) => !i.ok).length;
  if (result.ok) return `\nPASS: ${total} of ${total} interactions verified against ${providerBaseUrl}\n`;
  const lines = [
    '',
    total > 0
      ? `FAIL: ${failed} of ${total} interactions failed against ${providerBaseUrl}`
      : `FAIL: nothing was verified against ${providerBaseUrl}: ${result.reason ?? 'no interactions'}`,
  ];
  for (const failure of result.failures) {
    // The verifier writes "<pact> Given <state> - <description>", or "<pact> - <description>" with no state.
    const name = failure.interaction.replace(/^Verifying a pact between .+? and .+? (?:- )?(?=Given |)/, '');
    lines.push(`  - ${name}: ${failure.mismatches.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}
