import type { CorpusCase } from './corpus.ts';

// The corpus's Prefer cases (RFC 7240): every control the mock honours, and the ones it refuses.
const tampere = '/integrations/int-tampere-roaming/locations';
const key = { 'x-api-key': 'demo-api-key', 'content-type': 'application/json' };
const problem = { ...key, accept: 'application/problem+json' };

/** The Prefer requests of the corpus, with what the mock (and, where it differs, Prism) answers. */
export const preferCases: CorpusCase[] = [
  ...[400, 401, 404, 413].map((code) => ({
    name: `Prefer: code=${code}`,
    path: tampere,
    headers: { ...key, prefer: `code=${code}` },
    body: '{}',
    status: code,
  })),
  {
    name: 'Prefer: code=404 with problem details',
    path: tampere,
    headers: { ...problem, prefer: 'code=404' },
    body: '{}',
    status: 404,
  },
  {
    name: 'Prefer: code=400, example=default with problem details',
    path: tampere,
    headers: { ...problem, prefer: 'code=400, example=default' },
    body: '{}',
    status: 400,
  },
  {
    name: 'Prefer: code=400, example=default',
    path: tampere,
    headers: { ...key, prefer: 'code=400, example=default' },
    body: '{}',
    status: 400,
  },
  {
    name: 'Prefer: example=documented',
    path: tampere,
    headers: { ...key, prefer: 'example=documented' },
    body: '{}',
    status: 200,
  },
  {
    name: 'Prefer: example=tampere',
    path: tampere,
    headers: { ...key, prefer: 'example=tampere' },
    body: '{}',
    status: 200,
  },
  {
    name: 'Prefer: dynamic=true',
    path: tampere,
    headers: { ...key, prefer: 'dynamic=true' },
    body: '{}',
    status: 200,
  },
  {
    name: 'Prefer: dynamic=false',
    path: tampere,
    headers: { ...key, prefer: 'dynamic=false' },
    body: '{}',
    status: 200,
  },
  {
    name: 'Prefer: delay=10',
    path: tampere,
    headers: { ...key, prefer: 'delay=10' },
    body: '{}',
    status: 200,
  },
  {
    name: 'Prefer: code=418 (not in the spec)',
    path: tampere,
    headers: { ...key, prefer: 'code=418' },
    body: '{}',
    status: 404,
  },
  {
    name: 'Prefer: example=nope (not in the spec)',
    path: tampere,
    headers: { ...key, prefer: 'example=nope' },
    body: '{}',
    status: 404,
  },
  {
    name: 'Prefer: code=teapot (unreadable)',
    path: tampere,
    headers: { ...key, prefer: 'code=teapot' },
    body: '{}',
    status: 400,
    prismAnswersItself: true,
    prismMock: {
      status: 422,
      why: 'Prism answers an unreadable Prefer with its own 422 (not in the spec), in proxy mode too; the mock uses the documented 400 with a problem body',
    },
  },
  {
    name: 'Prefer: code=200 without credentials',
    path: tampere,
    headers: { 'content-type': 'application/json', prefer: 'code=200' },
    body: '{}',
    status: 401,
  },
];
