import type { OperationInfo } from '../openapi/operation.ts';
import type { ProbeCase, ProbeCredentials } from './types.ts';

/** Where and as whom the probe sends its cases. */
export interface ProbeTarget {
  /** The provider's base URL, e.g. `http://127.0.0.1:4010` or `https://api.emabler.net/api`. */
  readonly baseUrl: string;
  readonly credentials: ProbeCredentials;
  /** An integration that exists for these credentials. */
  readonly integrationId: string;
  /** An integration id that no customer has (made up from the seed). */
  readonly unknownIntegrationId: string;
}

/** One request as the probe sends it, and as a report shows it. */
export interface ProbeRequest {
  readonly method: string;
  readonly url: string;
  /** Header names in lower case, in the order sent. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Uint8Array | undefined;
}

/** A customer id and keys nobody has; they are the probe's inventions, so no secret. */
export const madeUp = {
  apiKey: 'probe-wrong-api-key',
  code: 'probe-wrong-code',
  clientId: 'probe-unknown-client',
};

/** The request of a case against a target; the path template comes from the spec. */
export function buildRequest(
  operation: OperationInfo,
  target: ProbeTarget,
  probeCase: ProbeCase,
): ProbeRequest {
  const integration = probeCase.integration === 'known' ? target.integrationId : target.unknownIntegrationId;
  const path = operation.pathTemplate.replace(/\{[^}]+\}/, encodeURIComponent(integration));
  const query: [string, string][] = [];
  const headers: [string, string][] = [];
  const { credentials } = target;
  const v1 = 'code' in credentials ? credentials : undefined;
  switch (probeCase.auth) {
    case 'valid':
      if (v1) query.push(['code', v1.code], ['clientId', v1.clientId]);
      else headers.push(['x-api-key', (credentials as { apiKey: string }).apiKey]);
      break;
    case 'valid-key-header':
      if (v1) headers.push(['x-functions-key', v1.code]);
      query.push(['clientId', v1?.clientId ?? madeUp.clientId]);
      break;
    case 'wrong-key':
      headers.push(['x-api-key', madeUp.apiKey]);
      break;
    case 'wrong-code':
      query.push(['code', madeUp.code], ['clientId', v1?.clientId ?? madeUp.clientId]);
      break;
    case 'unknown-client':
      query.push(['code', v1?.code ?? madeUp.code], ['clientId', madeUp.clientId]);
      break;
    case 'code-without-client':
      query.push(['code', v1?.code ?? madeUp.code]);
      break;
    case 'none':
      break;
  }
  query.push(...probeCase.query.map(([name, value]) => [name, value] as [string, string]));
  const body = encodeBody(probeCase.body);
  if (body !== undefined && probeCase.contentType !== null)
    headers.push(['content-type', probeCase.contentType ?? 'application/json']);
  if (probeCase.accept) headers.push(['accept', probeCase.accept]);
  const search = query
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  const base = target.baseUrl.replace(/\/+$/, '');
  return { method: operation.method, url: `${base}${path}${search ? `?${search}` : ''}`, headers, body };
}

function encodeBody(body: ProbeCase['body']): Uint8Array | undefined {
  switch (body.kind) {
    case 'none':
      return undefined;
    case 'bytes':
      return new Uint8Array(body.bytes);
    case 'text':
      return new TextEncoder().encode(body.text);
    case 'json':
      return new TextEncoder().encode(JSON.stringify(body.value));
  }
}

/** The secrets of a target: what a report hides unless asked (`--show-secrets`). */
export function secretsOf(credentials: ProbeCredentials): string[] {
  return 'code' in credentials ? [credentials.code] : [credentials.apiKey];
}
