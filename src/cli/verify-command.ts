import { parseArgs } from 'node:util';
import { ConfigError } from '../config-error.ts';
import { loadPactCore } from '../pact/load-pact-core.ts';
import { createMockAdmin, isMock } from '../pact/mock-admin.ts';
import { readPacts } from '../pact/read-pacts.ts';
import { type VerifyOptions, type VerifyResult, verifyProvider } from '../pact/verify-provider.ts';
import type { Command } from './command.ts';

const usage = `Usage: ocpi-location-kit verify --provider-base-url URL [--pacts FILE|DIR] [credentials] [broker options]

Replays pact interactions against a provider (the mock, eMabler's test environment, a partner's implementation)
and checks every answer. Credentials and the integration are put into the project's pacts through their
provider states, so the pacts' example values can be replaced by real ones.
  --provider-base-url URL  base URL of the provider, e.g. http://127.0.0.1:4010 or https://api.emabler.net/api
  --pacts FILE|DIR         pact file or directory (default: contracts/pacts/, unless --broker-url is given)
  --api-key KEY            eMabler v2 key for the interactions that send valid credentials
  --code CODE --client-id ID
                           eMabler v1 function code and customer id, for the same
  --integration ID         integration id for the interactions that need an existing integration
  --state-setup-url URL    provider endpoint that sets states up (Pact's {state, params, action}); its JSON
                           answer may supply apiKey, code, clientId and integrationId
  --broker-url URL         Pact Broker (default: $PACT_BROKER_BASE_URL when --pacts is not given)
  --broker-token TOKEN     Pact Broker token (default: $PACT_BROKER_TOKEN)
  --publish                publish the verification results to the broker (needs --provider-version)
  --provider-version V     provider version to publish, e.g. a git sha
  --provider-branch B      provider branch to publish
Against an ocpi-location-kit mock, the project's provider states are set up through its /__mock endpoints.
Exit codes: 0 every interaction passed, 1 a failure (or nothing verified), 2 usage error.`;

const options = {
  'provider-base-url': { type: 'string' },
  pacts: { type: 'string' },
  'api-key': { type: 'string' },
  code: { type: 'string' },
  'client-id': { type: 'string' },
  integration: { type: 'string' },
  'state-setup-url': { type: 'string' },
  'broker-url': { type: 'string' },
  'broker-token': { type: 'string' },
  publish: { type: 'boolean' },
  'provider-version': { type: 'string' },
  'provider-branch': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `verify`: provider verification of pacts against any implementation of the API. */
export const verifyCommand: Command = {
  summary: 'verify pacts against a provider (the mock, eMabler, a partner)',
  async run(argv) {
    let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof options }>>['values'];
    try {
      ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
    } catch (error) {
      throw new ConfigError(`verify: ${(error as Error).message}`);
    }
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    const providerBaseUrl = requireUrl('--provider-base-url', values['provider-base-url']);
    await requireVerifier();
    const stateSetupUrl =
      values['state-setup-url'] && requireUrl('--state-setup-url', values['state-setup-url']);
    if ((values.code === undefined) !== (values['client-id'] === undefined)) {
      throw new ConfigError('--code and --client-id go together (eMabler v1 credentials)');
    }
    const brokerUrl = values['broker-url'] ?? (values.pacts ? undefined : process.env.PACT_BROKER_BASE_URL);
    if (values.publish && (!brokerUrl || !values['provider-version'])) {
      throw new ConfigError('--publish needs --broker-url (or $PACT_BROKER_BASE_URL) and --provider-version');
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
              ...((values['broker-token'] ?? process.env.PACT_BROKER_TOKEN)
                ? { token: values['broker-token'] ?? process.env.PACT_BROKER_TOKEN }
                : {}),
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
};

/** The optional verifier, checked before anything reaches the network; missing, it is one line and exit 2. */
async function requireVerifier(): Promise<void> {
  await loadPactCore();
}

function requireUrl(flag: string, value: string | undefined): string {
  if (value === undefined) throw new ConfigError(`${flag} is required (see --help)`);
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
