import { defaultHost, defaultMockPort } from '../core/defaults.ts';
import { defaultPactDirs } from '../pact/find-pacts.ts';
import type { OptionSpecs } from './parse-argv.ts';

/** The options of `verify`, declared once (pact-js's names for the broker's). */
export const verifyOptions = {
  'provider-base-url': {
    type: 'string',
    value: 'URL',
    help: `base URL of the provider, e.g. http://${defaultHost}:${defaultMockPort} or https://api.emabler.net/api`,
  },
  pacts: {
    type: 'string',
    value: 'FILE|DIR',
    help: `pact file or directory (default: the project's ./${defaultPactDirs.join(', then ./')}, unless a broker is given)`,
  },
  spec: {
    type: 'string',
    value: 'FILE',
    help: "the OpenAPI file whose servers name the base paths (default: the project's)",
  },
  'strip-base-path': {
    type: 'string',
    choices: ['auto', 'always', 'never'],
    default: 'auto',
    help: "replay pact paths that carry a server's base path (/api/...) without it; auto: when --provider-base-url ends with that path",
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
    help: 'Pact Broker to take the pacts from (default: $PACT_BROKER_BASE_URL when --pacts is not given)',
  },
  'broker-token': {
    type: 'string',
    value: 'TOKEN',
    env: 'PACT_BROKER_TOKEN',
    help: 'Pact Broker bearer token',
  },
  'broker-username': {
    type: 'string',
    value: 'NAME',
    env: 'PACT_BROKER_USERNAME',
    help: 'Pact Broker basic-auth user',
  },
  'broker-password': {
    type: 'string',
    value: 'PASSWORD',
    env: 'PACT_BROKER_PASSWORD',
    help: 'Pact Broker basic-auth password',
  },
  'consumer-version-selectors': {
    type: 'string',
    value: 'JSON',
    multiple: true,
    help: 'which pacts the broker selects, e.g. \'{"mainBranch":true}\' (default: mainBranch, deployedOrReleased, matchingBranch)',
  },
  'enable-pending': { type: 'boolean', help: "report a pending pact's failures without failing the run" },
  'include-wip-pacts-since': {
    type: 'string',
    value: 'DATE',
    help: 'also verify work-in-progress pacts since DATE',
  },
  publish: {
    type: 'boolean',
    help: 'publish the verification results to the broker (needs --provider-version)',
  },
  'provider-version': { type: 'string', value: 'V', help: 'provider version to publish, e.g. a git sha' },
  'provider-branch': {
    type: 'string',
    value: 'B',
    help: 'provider branch (for matchingBranch, pending and publishing)',
  },
  format: { type: 'string', choices: ['text', 'json', 'junit'], default: 'text', help: 'the report' },
  'log-level': {
    type: 'string',
    choices: ['error', 'warn', 'info', 'debug', 'trace'],
    help: "show pact-core's and the native verifier's log lines at this level, on stderr (default: none)",
  },
} as const satisfies OptionSpecs;
