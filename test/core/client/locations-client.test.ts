import { describe, expect, it } from 'vitest';
import {
  type AddLocationResult,
  createLocationsClient,
  type LocationsClientOptions,
} from '../../../src/index.ts';
import { demo } from '../../support/demo.ts';

/** A fetch that records the request and answers with a fixed response. */
function fakeFetch(status: number, body: string, contentType: string) {
  const seen: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    seen.push(new Request(input, init));
    return new Response(body, { status, headers: { 'content-type': contentType } });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const base = 'https://api.example.test/api';
const problem = {
  type: 'https://github.com/ocpi-location-kit/ocpi-location-kit#bad-request',
  title: 'Something went wrong',
  status: 400,
  detail: 'The body breaks the schema of addLocation (1 error).',
  issues: [
    {
      severity: 'error',
      code: 'enum',
      instancePath: '/parkingType',
      specPointer: '/components/schemas/ParkingType/anyOf/0/enum',
      message: 'parkingType must be one of ...',
    },
  ],
};

describe('addLocation answers', () => {
  const cases: [string, number, string, string, AddLocationResult][] = [
    [
      'returns the id of a created location',
      200,
      '{"id":"Loc-123"}',
      'application/json',
      { ok: true, id: 'Loc-123' },
    ],
    [
      'returns bad-request for a 400 sentence',
      400,
      'Something went wrong',
      'text/plain; charset=UTF-8',
      { ok: false, status: 400, kind: 'bad-request', message: 'Something went wrong' },
    ],
    [
      'returns unauthorised for a 401 sentence',
      401,
      'Not authorised',
      'text/plain',
      { ok: false, status: 401, kind: 'unauthorised', message: 'Not authorised' },
    ],
    [
      'returns customer-not-found for a 404 sentence',
      404,
      'Customer not found',
      'text/plain',
      { ok: false, status: 404, kind: 'customer-not-found', message: 'Customer not found' },
    ],
    [
      'returns the title, detail and issues of a problem document',
      400,
      JSON.stringify(problem),
      'application/problem+json',
      {
        ok: false,
        status: 400,
        kind: 'bad-request',
        message: 'Something went wrong',
        detail: problem.detail,
        issues: problem.issues as never,
      },
    ],
    [
      'returns payload-too-large for a 413',
      413,
      'Payload too large',
      'text/plain',
      { ok: false, status: 413, kind: 'payload-too-large', message: 'Payload too large' },
    ],
    [
      'returns unexpected for a status the API does not document',
      503,
      '',
      'text/plain',
      { ok: false, status: 503, kind: 'unexpected', message: 'HTTP 503' },
    ],
    [
      'returns unexpected for a 200 without an id',
      200,
      '{"location":"Loc-1"}',
      'application/json',
      {
        ok: false,
        status: 200,
        kind: 'unexpected',
        message: 'no location id in the answer: {"location":"Loc-1"}',
      },
    ],
    [
      'returns unexpected for a 200 that is not JSON',
      200,
      'OK',
      'text/plain',
      { ok: false, status: 200, kind: 'unexpected', message: 'no location id in the answer: OK' },
    ],
  ];
  it.each(cases)('%s', async (_name, status, body, contentType, expected) => {
    const { fetch } = fakeFetch(status, body, contentType);
    const client = createLocationsClient({ baseUrl: base, apiKey: 'k', fetch });
    expect(await client.addLocation('int-1', { name: 'Kauppatori' })).toEqual(expected);
  });
});

describe('addLocation requests', () => {
  const send = async (
    options: Omit<LocationsClientOptions, 'fetch' | 'baseUrl'>,
    excludeChargers?: boolean,
  ) => {
    const { fetch, seen } = fakeFetch(200, '{"id":"Loc-1"}', 'application/json');
    const client = createLocationsClient({ ...options, baseUrl: base, fetch } as LocationsClientOptions);
    await client.addLocation(
      'int tampere/1',
      { name: 'x' },
      excludeChargers === undefined ? {} : { excludeChargers },
    );
    const [request] = seen;
    if (!request) throw new Error('no request');
    return { request, url: new URL(request.url) };
  };

  it('sends the v2 key as x-api-key and posts JSON to the integration', async () => {
    const { request, url } = await send({ apiKey: demo.apiKey });
    expect(request.method).toBe('POST');
    expect(url.pathname).toBe('/api/integrations/int%20tampere%2F1/locations');
    expect(request.headers.get('x-api-key')).toBe(demo.apiKey);
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(await request.json()).toEqual({ name: 'x' });
    expect(url.search).toBe('');
  });

  it('sends the v1 code and clientId in the query, next to excludeChargers', async () => {
    const { request, url } = await send({ code: 'c0de', clientId: 'tampereen-lataus' }, true);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      excludeChargers: 'true',
      code: 'c0de',
      clientId: 'tampereen-lataus',
    });
    expect(request.headers.get('x-api-key')).toBeNull();
  });

  it('sends excludeChargers=false as the string the API types it as', async () => {
    const { url } = await send({ apiKey: 'k' }, false);
    expect(url.searchParams.get('excludeChargers')).toBe('false');
  });

  it('sends no credentials when none are given', async () => {
    const { request, url } = await send({});
    expect(request.headers.get('x-api-key')).toBeNull();
    expect(url.search).toBe('');
  });

  it('asks for problem documents only when told to', async () => {
    expect((await send({ apiKey: 'k' })).request.headers.get('accept')).toBe('application/json, text/plain');
    expect((await send({ apiKey: 'k', problemDetails: true })).request.headers.get('accept')).toBe(
      'application/json, application/problem+json',
    );
  });
});
