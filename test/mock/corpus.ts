import { preferCases } from './corpus-prefer.ts';
import { examples } from './helpers.ts';

/** One request of the corpus the Prism tests send, with the status the mock answers. */
export interface CorpusCase {
  readonly name: string;
  readonly method?: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** What the mock answers. */
  readonly status: number;
  /** What `prism mock` answers, where it differs, and why (the differential test's table). */
  readonly prismMock?: { readonly status: number; readonly why: string };
  /** Prism (proxy or mock) answers this itself before any upstream sees it. */
  readonly prismAnswersItself?: boolean;
}

const tampere = '/integrations/int-tampere-roaming/locations';
const key = { 'x-api-key': 'demo-api-key', 'content-type': 'application/json' };
const problem = { ...key, accept: 'application/problem+json' };
const body = (value: unknown) => JSON.stringify(value);

const noKeys = 'Prism checks that a credential is present, not that it is known: it has no customers';
const noIntegrations =
  'Prism cannot know which integrations a customer has, so it never says 404 "Customer not found"';

/** Valid, invalid, unauthorised, unknown integration, every Prefer: the mock's whole surface. */
export const corpus: CorpusCase[] = [
  {
    name: 'the complete site, enum names',
    path: tampere,
    headers: key,
    body: body(examples.completeSite),
    status: 200,
  },
  {
    name: 'the complete site, enum indexes',
    path: tampere,
    headers: key,
    body: body(examples.numericEnums),
    status: 200,
  },
  { name: 'an empty object', path: tampere, headers: key, body: '{}', status: 200 },
  { name: 'no body at all', path: tampere, headers: { 'x-api-key': 'demo-api-key' }, status: 200 },
  { name: 'a minimal location', path: tampere, headers: key, body: body(examples.minimal), status: 200 },
  {
    name: 'an empty location with excludeChargers=true',
    path: `${tampere}?excludeChargers=true`,
    headers: key,
    body: body(examples.emptyLocation),
    status: 200,
  },
  {
    name: 'limited visibility',
    path: '/integrations/int-helsinki-hub/locations',
    headers: key,
    body: body(examples.limitedVisibility),
    status: 200,
  },
  {
    name: 'an OCPI-rule breach (accepted by default)',
    path: tampere,
    headers: key,
    body: body({ postalCode: '33100-123456789' }),
    status: 200,
  },
  {
    name: 'an unknown property',
    path: tampere,
    headers: key,
    body: body({ postcode: '33100' }),
    status: 200,
  },
  {
    name: 'v1 code and clientId',
    path: `${tampere}?code=demo-function-code&clientId=tampereen-lataus`,
    headers: { 'content-type': 'application/json' },
    body: '{}',
    status: 200,
  },
  {
    name: 'v1 x-functions-key and clientId',
    path: `${tampere}?clientId=tampereen-lataus`,
    headers: { 'x-functions-key': 'demo-function-code', 'content-type': 'application/json' },
    body: '{}',
    status: 200,
  },
  {
    name: 'an unknown enum name',
    path: tampere,
    headers: key,
    body: body({ parkingType: 'CAR_PARK' }),
    status: 400,
  },
  {
    name: 'an enum index out of range',
    path: tampere,
    headers: key,
    body: body({ facilities: [99] }),
    status: 400,
  },
  {
    name: 'a wrong type',
    path: tampere,
    headers: key,
    body: body({ name: 42, coordinates: { latitude: 61.4 } }),
    status: 400,
  },
  { name: 'an array body', path: tampere, headers: key, body: '[]', status: 400 },
  {
    name: 'malformed JSON',
    path: tampere,
    headers: key,
    body: '{"name": }',
    status: 400,
    prismAnswersItself: true,
  },
  {
    name: 'excludeChargers=maybe',
    path: `${tampere}?excludeChargers=maybe`,
    headers: key,
    body: '{}',
    status: 400,
  },
  {
    name: 'a body that is not JSON',
    path: tampere,
    headers: { 'x-api-key': 'demo-api-key', 'content-type': 'text/plain' },
    body: 'Hatanpää',
    status: 400,
  },
  {
    name: 'the issues as problem details',
    path: tampere,
    headers: problem,
    body: body({ parkingType: 'CAR_PARK' }),
    status: 400,
  },
  {
    name: 'no credentials',
    path: tampere,
    headers: { 'content-type': 'application/json' },
    body: '{}',
    status: 401,
  },
  {
    name: 'no credentials, problem details',
    path: tampere,
    headers: { 'content-type': 'application/json', accept: 'application/problem+json' },
    body: '{}',
    status: 401,
  },
  {
    name: 'an unknown API key',
    path: tampere,
    headers: { ...key, 'x-api-key': 'nobody' },
    body: '{}',
    status: 401,
    prismMock: { status: 200, why: noKeys },
  },
  {
    name: 'an unknown API key and an unknown integration',
    path: '/integrations/int-nowhere/locations',
    headers: { ...key, 'x-api-key': 'nobody' },
    body: '{}',
    status: 401,
    prismMock: { status: 200, why: noKeys },
  },
  {
    name: 'an unknown function code',
    path: `${tampere}?code=nope&clientId=tampereen-lataus`,
    headers: { 'content-type': 'application/json' },
    body: '{}',
    status: 401,
    prismMock: { status: 200, why: noKeys },
  },
  {
    name: 'a code without its clientId',
    path: `${tampere}?code=demo-function-code`,
    headers: { 'content-type': 'application/json' },
    body: '{}',
    status: 401,
  },
  {
    name: 'an unknown integration',
    path: '/integrations/int-nowhere/locations',
    headers: key,
    body: '{}',
    status: 404,
    prismMock: { status: 200, why: noIntegrations },
  },
  {
    name: "another customer's integration",
    path: '/integrations/int-oulu-roaming/locations',
    headers: key,
    body: '{}',
    status: 404,
    prismMock: { status: 200, why: noIntegrations },
  },
  {
    name: 'an unknown integration, problem details',
    path: '/integrations/int-nowhere/locations',
    headers: problem,
    body: '{}',
    status: 404,
    prismMock: {
      status: 406,
      why: `${noIntegrations}; it picks the 200, which has no problem+json representation, so it answers 406`,
    },
  },
  {
    name: 'an unknown clientId',
    path: `${tampere}?code=demo-function-code&clientId=nobody`,
    headers: { 'content-type': 'application/json' },
    body: '{}',
    status: 404,
    prismMock: { status: 200, why: 'Prism has no customers, so it cannot know that a clientId is unknown' },
  },
  ...preferCases,
  { name: 'a wrong method', method: 'GET', path: tampere, headers: key, status: 405 },
  { name: 'an unknown route', path: '/locations', headers: key, body: '{}', status: 404 },
];
