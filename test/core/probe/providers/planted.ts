import type { CheckId } from '../../../../src/core/probe/checks.ts';
import type { ProbeCredentials } from '../../../../src/core/probe/types.ts';
import { type Bug, providerCredentials } from './provider.ts';

/** The test providers' credentials, as eMabler v2 and v1 send them. */
export const v2: ProbeCredentials = { apiKey: providerCredentials.apiKey };
export const v1: ProbeCredentials = {
  code: providerCredentials.code,
  clientId: providerCredentials.clientId,
};

// Each provider plants one bug; the probe must fail it, naming the check that the bug breaks.
/** Every planted bug, the check that must name it, and the credentials that reach it (v2 unless said). */
export const planted: [Bug, CheckId, ProbeCredentials?][] = [
  ['accepts-wrong-enum', 'expected_status'],
  ['accepts-nested-wrong-enum', 'expected_status'],
  ['accepts-wrong-type', 'expected_status'],
  ['refuses-index-form', 'expected_status'],
  ['server-error-on-non-ascii', 'not_a_server_error'],
  ['server-error-on-emoji', 'not_a_server_error'],
  ['server-error-on-long-string', 'not_a_server_error'],
  ['server-error-on-empty-body', 'not_a_server_error'],
  ['created-201', 'status_code_conformance'],
  ['text-plain-200', 'content_type_conformance'],
  ['bad-location-id', 'response_schema_conformance'],
  ['no-auth-check', 'expected_status'],
  ['any-key-accepted', 'expected_status'],
  ['integration-before-auth', 'expected_status'],
  ['unknown-integration-400', 'expected_status'],
  ['accepts-repeated-exclude-chargers', 'expected_status'],
  ['ignores-exclude-chargers-enum', 'expected_status'],
  ['accepts-non-json', 'expected_status'],
  ['accepts-wrong-media-type', 'expected_status'],
  ['refuses-json-charset', 'expected_status'],
  ['refuses-null-parking-type', 'expected_status'],
  ['refuses-no-body', 'expected_status'],
  ['json-on-400', 'content_type_conformance'],
  ['bad-problem-document', 'response_schema_conformance'],
  ['wrong-sentence-on-400', 'response_schema_conformance'],
  ['forbidden-403-on-wrong-key', 'status_code_conformance'],
  ['slow-on-wrong-key', 'response_time'],
  ['unknown-client-401', 'expected_status', v1],
  ['refuses-key-header', 'expected_status', v1],
];

/**
 * Bugs only against this project's own choices where the spec leaves the status open (`ProbeCase.open`): caught
 * under `strict`, and no failure otherwise (a provider may fairly differ there).
 */
export const plantedOpen: [Bug, CheckId][] = [
  ['accepts-duplicate-keys', 'expected_status'],
  ['refuses-no-content-type', 'expected_status'],
];
