import type { LogFormat } from '../../mock/server/log.ts';
import type { serveMock } from '../../mock/server/node-server.ts';
import { headerCredential } from '../core/openapi/operation.ts';
import type { Spec } from '../core/openapi/spec.ts';
import { adminPaths } from '../generated/admin-facts.ts';
import { apiKeyHeader } from '../generated/api-facts.ts';

const v1 = (customer: { codes: Set<string>; clientId: string | undefined } | undefined): string => {
  const code = customer ? [...customer.codes][0] : undefined;
  return code && customer?.clientId ? `, or ?code=${code}&clientId=${customer.clientId}` : '';
};

type Store = Awaited<ReturnType<typeof serveMock>>['mock']['state']['store'];

/**
 * The start-up text: where the mock is, the demo credentials, a curl line that answers 200, and the admin token
 * when the mock generated one (it listens beyond loopback and nobody chose a token).
 */
export function banner(
  url: string,
  mock: { readonly spec: Spec; readonly state: { readonly store: Store } },
  format: LogFormat,
  adminToken?: string,
): string {
  const { store } = mock.state;
  const { operation } = mock.spec;
  const header = headerCredential(operation)?.name ?? apiKeyHeader;
  const demo = store.customers()[0];
  const key = demo ? [...demo.apiKeys][0] : undefined;
  const integration = demo ? [...demo.integrations][0] : undefined;
  if (format === 'json') {
    const token = adminToken ? { adminToken } : {};
    return `${JSON.stringify({ event: 'listening', url, checker: `${url}/`, docs: `${url}/docs`, customers: store.customerCount(), ...token })}\n`;
  }
  const lines = [
    `ocpi-location-kit mock listening on ${url}`,
    `  payload check  ${url}/`,
    `  API reference  ${url}/docs`,
    `  admin          ${url}${adminPaths.getHealth}, ${adminPaths.listRequests}, ${adminPaths.listLocations}`,
  ];
  if (adminToken) lines.push(`  admin token    Authorization: Bearer ${adminToken}`);
  if (key && integration) {
    lines.push(
      `  demo customer  ${demo?.name}: ${header} ${key}${v1(demo)}`,
      `  integrations   ${[...(demo?.integrations ?? [])].join(', ')}`,
      '',
      'Try:',
      `  curl -i -X ${operation.method} '${url}${target(operation.pathTemplate, integration)}' -H '${header}: ${key}' -H 'content-type: application/json' -d '{"name":"Hatanpää","city":"Tampere","country":"FIN"}'`,
    );
  }
  return `${lines.join('\n')}\n\n`;
}

/** The path template with the integration id in place of its one parameter. */
function target(pathTemplate: string, integrationId: string): string {
  return pathTemplate.replace(/\{[^}]+\}/, encodeURIComponent(integrationId));
}
