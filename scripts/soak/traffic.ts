import type { Request } from 'autocannon';
import { loadSpec } from '../../src/node/load-spec.ts';
import { headers, integrationPath } from '../bench/servers.ts';

/** The kinds of request the soak mixes, each with the one status the mock must answer. */
export const kinds = {
  valid: 200,
  invalid: 400,
  unauthorised: 401,
  'unknown integration': 404,
  'malformed JSON': 400,
  oversize: 413,
} as const;

export type Kind = keyof typeof kinds;

// The minimal example: the mock keeps the last 10,000 locations by design, and big bodies would make that
// bounded store's filling look like growth.
const valid = JSON.stringify(loadSpec().operation.requestExamples.minimal);

/** The request of each kind; `oversize` is 1 MiB + 1 byte, answered 413 at once and drained unread. */
export function requestOf(kind: Kind): Request {
  switch (kind) {
    case 'valid':
      return { method: 'POST', path: integrationPath, headers, body: valid };
    case 'invalid':
      return {
        method: 'POST',
        path: integrationPath,
        headers,
        body: '{"parkingType":"CAR_PARK","images":[{}]}',
      };
    case 'unauthorised':
      return {
        method: 'POST',
        path: integrationPath,
        headers: { ...headers, 'x-api-key': 'wrong' },
        body: valid,
      };
    case 'unknown integration':
      return { method: 'POST', path: '/integrations/int-nowhere/locations', headers, body: valid };
    case 'malformed JSON':
      return { method: 'POST', path: integrationPath, headers, body: '{"name":"Hatanpää",' };
    case 'oversize':
      return { method: 'POST', path: integrationPath, headers, body: 'x'.repeat(1024 * 1024 + 1) };
  }
}

/** Connections per kind: one for each failure kind, the rest valid. */
export function connectionsOf(kind: Kind, total: number): number {
  const others = Object.keys(kinds).length - 1;
  return kind === 'valid' ? Math.max(1, total - others) : 1;
}
