import { describe, expect, it } from 'vitest';
import { pipelineLimits } from '../../mock/core/pipeline/limits.ts';
import { defaultLimits } from '../../mock/server/limits.ts';
import { failureKinds } from '../../src/core/client/read-failure.ts';
import { headerCredential } from '../../src/core/openapi/operation.ts';
import { apiKeyHeader, documentedStatuses, method, pathTemplate } from '../../src/generated/api-facts.ts';
import { loadSpec } from '../../src/node/load-spec.ts';
import { corpus } from '../mock/corpus.ts';
import { makeMock } from '../mock/helpers.ts';

// Facts of the API live in openapi.yaml; code that needs them takes them from it, or is held to it here.
const spec = loadSpec();
const { operation } = spec;
const description = String(
  (spec.doc.paths as Record<string, Record<string, { description?: string }>>)[operation.pathTemplate]?.[
    operation.method.toLowerCase()
  ]?.description,
);
const responses = (spec.doc.components as { responses: Record<string, { description: string }> }).responses;
const kib = (text: string, unit: string) => Number(text) * (unit === 'MiB' ? 1024 * 1024 : 1024);

describe('facts of the API', () => {
  it('are generated from the spec for code that runs without it', () => {
    expect(method).toBe(operation.method);
    expect(pathTemplate).toBe(operation.pathTemplate);
    expect(apiKeyHeader).toBe(headerCredential(operation)?.name);
    expect([...documentedStatuses]).toEqual(Object.keys(operation.responses).map(Number));
  });

  it('give the client a failure kind only for statuses the spec documents', () => {
    for (const status of Object.keys(failureKinds).map(Number)) expect(documentedStatuses).toContain(status);
  });

  it('give every answer of the operation a status the spec documents', async () => {
    const mock = makeMock();
    for (const c of corpus) {
      if ((c.method ?? 'POST') !== operation.method) continue;
      const response = await mock.app.request(c.path, {
        method: 'POST',
        headers: c.headers,
        ...(c.body === undefined ? {} : { body: c.body }),
      });
      expect(documentedStatuses, c.name).toContain(response.status);
    }
  });

  it('state the limits the mock applies by default', () => {
    const target = /a target over (\d+) (KiB|MiB) is a 414/.exec(description);
    const headers = /headers over (\d+) (KiB|MiB) a\s+431/.exec(description);
    const body = /a body over (\d+) (KiB|MiB) a 413/.exec(description);
    const depth = /nesting deeper than (\d+) levels/.exec(description);
    expect(target && kib(target[1] as string, target[2] as string)).toBe(defaultLimits.urlLimit);
    expect(headers && kib(headers[1] as string, headers[2] as string)).toBe(defaultLimits.headerLimit);
    expect(body && kib(body[1] as string, body[2] as string)).toBe(pipelineLimits.bodyLimit);
    expect(Number(depth?.[1])).toBe(pipelineLimits.maxDepth);
    const timeouts = /within (\d+) s, or its whole request within (\d+) s/.exec(
      responses.RequestTimeout?.description ?? '',
    );
    expect(Number(timeouts?.[1]) * 1000).toBe(defaultLimits.headersTimeoutMs);
    expect(Number(timeouts?.[2]) * 1000).toBe(defaultLimits.requestTimeoutMs);
    expect(responses.UriTooLong?.description).toContain(`(${defaultLimits.urlLimit / 1024} KiB by default)`);
    expect(responses.HeadersTooLarge?.description).toContain(`over ${defaultLimits.headerLimit / 1024} KiB`);
    expect(responses.PayloadTooLarge?.description).toContain(
      `(${pipelineLimits.bodyLimit / 1024 / 1024} MiB by default)`,
    );
  });
});
