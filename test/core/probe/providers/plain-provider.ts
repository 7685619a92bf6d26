import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { providerCredentials } from './provider.ts';

// A provider as a team would write it from openapi.yaml alone, with none of this project's code: plain
// `JSON.parse` (a repeated key wins, no depth limit), Node's lenient UTF-8 decoding, ajv with formats left as
// annotations (JSON Schema 2020-12's default), a body only as application/json. The probe must find nothing
// wrong with it outside --strict: where it differs from the mock, the spec leaves the answer open.

const spec = parse(readFileSync(new URL('../../../../openapi.yaml', import.meta.url), 'utf8')) as object;
const ajv = new Ajv2020({ strict: false, validateFormats: false }).addSchema(spec, 'spec');
const validate = ajv.compile({ $ref: 'spec#/components/schemas/Location' });

/** Starts the plain provider on a free loopback port, with the test providers' credentials. */
export async function startPlainProvider(): Promise<{ url: string; close(): Promise<void> }> {
  let created = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://provider.test');
      const route = /^\/integrations\/([^/]+)\/locations$/.exec(url.pathname);
      if (!route || req.method !== 'POST') return sentence(res, 404, 'Not found', false);
      const problem = (req.headers.accept ?? '').includes('application/problem+json');
      const fail = (status: number, text: string) => sentence(res, status, text, problem);
      const key = req.headers['x-api-key'];
      const code = url.searchParams.get('code') ?? req.headers['x-functions-key'];
      const clientId = url.searchParams.get('clientId');
      const v2 = key === providerCredentials.apiKey;
      if (!v2 && !(code === providerCredentials.code && clientId !== null))
        return fail(401, 'Not authorised');
      if (!v2 && clientId !== providerCredentials.clientId) return fail(404, 'Customer not found');
      if (decodeURIComponent(route[1] ?? '') !== providerCredentials.integrationId)
        return fail(404, 'Customer not found');
      const exclude = url.searchParams.getAll('excludeChargers');
      if (exclude.length > 1 || (exclude.length === 1 && exclude[0] !== 'true' && exclude[0] !== 'false'))
        return fail(400, 'Something went wrong');
      const text = Buffer.concat(chunks).toString('utf8');
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      let body: unknown = {};
      if (text.length > 0) {
        if (type !== 'application/json') return fail(400, 'Something went wrong');
        try {
          body = JSON.parse(text);
        } catch {
          return fail(400, 'Something went wrong');
        }
      }
      if (!validate(body)) return fail(400, 'Something went wrong');
      created += 1;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id: `Loc-${created}` }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** eMabler's documented sentence, or the same as an RFC 9457 problem document when the client asks for one. */
function sentence(res: ServerResponse, status: number, text: string, problem: boolean): void {
  if (problem) {
    res.writeHead(status, { 'content-type': 'application/problem+json' });
    res.end(JSON.stringify({ type: 'about:blank', title: text, status, detail: text }));
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
}
