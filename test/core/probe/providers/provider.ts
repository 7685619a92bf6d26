import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createValidator } from '../../../../src/core/validation/validator.ts';

// A provider of addLocation written from openapi.yaml's text, apart from the mock's pipeline, with one switch per
// bug it can plant. Without a bug it is the correct provider the probe must pass without a single finding.

/** The one bug a provider plants, by name. */
export type Bug =
  | 'accepts-wrong-enum'
  | 'accepts-nested-wrong-enum'
  | 'accepts-wrong-type'
  | 'refuses-index-form'
  | 'server-error-on-non-ascii'
  | 'server-error-on-emoji'
  | 'server-error-on-long-string'
  | 'server-error-on-empty-body'
  | 'created-201'
  | 'text-plain-200'
  | 'bad-location-id'
  | 'no-auth-check'
  | 'any-key-accepted'
  | 'integration-before-auth'
  | 'unknown-integration-400'
  | 'accepts-repeated-exclude-chargers'
  | 'ignores-exclude-chargers-enum'
  | 'accepts-non-json'
  | 'accepts-duplicate-keys'
  | 'accepts-wrong-media-type'
  | 'refuses-no-content-type'
  | 'refuses-json-charset'
  | 'refuses-null-parking-type'
  | 'refuses-no-body'
  | 'json-on-400'
  | 'bad-problem-document'
  | 'wrong-sentence-on-400'
  | 'forbidden-403-on-wrong-key'
  | 'slow-on-wrong-key'
  | 'unknown-client-401'
  | 'refuses-key-header';

/** The credentials the test providers know. */
export const providerCredentials = {
  apiKey: 'provider-test-key',
  code: 'provider-test-code',
  clientId: 'provider-test-client',
  integrationId: 'int-provider-test',
};

interface Answer {
  status: number;
  type?: string;
  body: string;
}

const sentences: Record<number, string> = {
  400: 'Something went wrong',
  401: 'Not authorised',
  404: 'Customer not found',
};

const validator = createValidator();

/** Starts the provider on a free loopback port. */
export async function startProvider(bug?: Bug): Promise<{ url: string; close(): Promise<void> }> {
  let ids = 0;
  const server = createServer(async (request, response) => {
    const bytes = await readAll(request);
    let answer: Answer;
    try {
      answer = await handle(request, bytes, bug, () => `Loc-${++ids}`);
    } catch {
      answer = { status: 500, type: 'text/plain', body: 'Internal error' };
    }
    response.writeHead(answer.status, answer.type ? { 'content-type': answer.type } : {});
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function handle(
  request: IncomingMessage,
  bytes: Buffer,
  bug: Bug | undefined,
  nextId: () => string,
): Promise<Answer> {
  const url = new URL(request.url ?? '/', 'http://provider');
  const match = /^\/integrations\/([^/]+)\/locations$/.exec(url.pathname);
  if (!match || request.method !== 'POST') return { status: 404, type: 'text/plain', body: 'Not found' };
  const problem = (request.headers.accept ?? '').includes('application/problem+json');
  const refuse = (status: 400 | 401 | 404, detail: string): Answer => {
    if (status === 400 && bug === 'json-on-400')
      return { status, type: 'application/json', body: JSON.stringify({ error: detail }) };
    if (problem) {
      const document =
        bug === 'bad-problem-document'
          ? { error: detail, status: String(status) }
          : { type: 'about:blank', title: sentences[status], status, detail };
      return { status, type: 'application/problem+json', body: JSON.stringify(document) };
    }
    const sentence = status === 400 && bug === 'wrong-sentence-on-400' ? 'Bad request' : sentences[status];
    return { status, type: 'text/plain; charset=utf-8', body: sentence as string };
  };
  const integration = decodeURIComponent(match[1] as string);
  const unknownIntegration = () =>
    integration !== providerCredentials.integrationId
      ? refuse(bug === 'unknown-integration-400' ? 400 : 404, 'unknown integration')
      : undefined;

  // 1. Credentials, 2. the integration (the order openapi.yaml documents; the bug swaps them).
  if (bug === 'integration-before-auth') {
    const unknown = unknownIntegration();
    if (unknown) return unknown;
  }
  const auth = await authenticate(request, url, bug);
  if (auth && bug !== 'no-auth-check')
    return auth.status === 404
      ? refuse(404, auth.detail)
      : auth.status === 403
        ? { status: 403, type: 'text/plain', body: 'Forbidden' }
        : refuse(401, auth.detail);
  const unknown = unknownIntegration();
  if (unknown) return unknown;

  // 3. The query.
  const exclude = url.searchParams.getAll('excludeChargers');
  if (exclude.length > 1 && bug !== 'accepts-repeated-exclude-chargers')
    return refuse(400, 'excludeChargers repeated');
  if (
    exclude.length === 1 &&
    !['true', 'false'].includes(exclude[0] as string) &&
    bug !== 'ignores-exclude-chargers-enum'
  )
    return refuse(400, 'excludeChargers must be true or false');

  // 4. The body: media type, UTF-8, JSON, the schema.
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(400, 'not UTF-8');
  }
  const type = request.headers['content-type'];
  if (text.trim() === '') {
    if (bug === 'server-error-on-empty-body') throw new Error('no body');
    if (bug === 'refuses-no-body') return refuse(400, 'no body');
    return created(bug, nextId());
  }
  if (bug === 'refuses-no-content-type' && type === undefined) return refuse(400, 'no content type');
  if (bug === 'refuses-json-charset' && type?.includes(';'))
    return refuse(400, 'parameters on the media type');
  const json = type === undefined || /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type);
  if (!json && bug !== 'accepts-wrong-media-type') return refuse(400, 'not JSON');
  if (bug === 'server-error-on-non-ascii' && [...text].some((char) => char.charCodeAt(0) > 0x7f))
    throw new Error('ascii only');
  if (bug === 'server-error-on-emoji' && /[\u{10000}-\u{10ffff}]/u.test(text)) throw new Error('no emoji');
  if (bug === 'server-error-on-long-string' && /"[^"]{200,}"/.test(text)) throw new Error('string too long');
  const parsed = validator.parseBody(text, { maxDepth: 32 });
  if (!parsed.ok) {
    if (bug === 'accepts-non-json' && parsed.issue.code === 'malformed-json') return created(bug, nextId());
    if (bug === 'accepts-duplicate-keys' && parsed.issue.code === 'duplicate-key')
      return created(bug, nextId());
    return refuse(400, parsed.issue.message);
  }
  const result = validator.validateBody(parsed.value);
  const errors = result.issues.filter(
    (issue) => issue.severity === 'error' && !ignored(bug, issue, parsed.value),
  );
  if (errors.length > 0) return refuse(400, errors[0]?.message ?? 'invalid');
  if (bug === 'refuses-index-form' && (result.enumForm === 'numbers' || result.enumForm === 'mixed'))
    return refuse(400, 'enum indexes are not supported');
  if (bug === 'refuses-null-parking-type' && (parsed.value as { parkingType?: unknown }).parkingType === null)
    return refuse(400, 'parkingType may not be null');
  return created(bug, nextId());
}

/** The schema errors a bug lets through. */
function ignored(
  bug: Bug | undefined,
  issue: { code: string; instancePath: string },
  _body: unknown,
): boolean {
  if (bug === 'accepts-wrong-enum') return issue.code === 'enum';
  if (bug === 'accepts-nested-wrong-enum')
    return issue.code === 'enum' && /\/\d+(\/|$)/.test(issue.instancePath);
  if (bug === 'accepts-wrong-type') return issue.code === 'type';
  return false;
}

function created(bug: Bug | undefined, id: string): Answer {
  if (bug === 'created-201') return { status: 201, type: 'application/json', body: JSON.stringify({ id }) };
  if (bug === 'text-plain-200') return { status: 200, type: 'text/plain', body: id };
  if (bug === 'bad-location-id')
    return { status: 200, type: 'application/json', body: JSON.stringify({ id: `location_${id}` }) };
  return { status: 200, type: 'application/json', body: JSON.stringify({ id }) };
}

/** The failure of the credential check, or undefined when the request is authenticated. */
async function authenticate(
  request: IncomingMessage,
  url: URL,
  bug: Bug | undefined,
): Promise<{ status: 401 | 403 | 404; detail: string } | undefined> {
  const key = request.headers['x-api-key'];
  const code =
    url.searchParams.get('code') ??
    (bug === 'refuses-key-header' ? null : request.headers['x-functions-key']);
  const clientId = url.searchParams.get('clientId');
  const wrong = async () => {
    if (bug === 'slow-on-wrong-key') await new Promise((resolve) => setTimeout(resolve, 300));
    return { status: bug === 'forbidden-403-on-wrong-key' ? 403 : 401, detail: 'unknown key' } as const;
  };
  if (typeof key === 'string')
    return key === providerCredentials.apiKey || bug === 'any-key-accepted' ? undefined : wrong();
  if (typeof code === 'string' && clientId !== null) {
    if (code !== providerCredentials.code && bug !== 'any-key-accepted') return wrong();
    if (clientId !== providerCredentials.clientId)
      return { status: bug === 'unknown-client-401' ? 401 : 404, detail: 'unknown customer' };
    return undefined;
  }
  return { status: 401, detail: 'no credentials' };
}
