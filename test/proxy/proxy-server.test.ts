import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveMock } from '../../mock/server/node-server.ts';
import { loadSpec } from '../../src/node/load-spec.ts';
import { type ProxyOptions, serveProxy } from '../../src/proxy/proxy-server.ts';
import { startUpstream } from './upstreams.ts';

const demo = JSON.parse(readFileSync(new URL('../../mock/fixtures/demo.json', import.meta.url), 'utf8')) as {
  customers: { apiKeys: string[]; integrations: string[] }[];
};
const apiKey = demo.customers[0]?.apiKeys[0] as string;
const integration = demo.customers[0]?.integrations[0] as string;
const spec = loadSpec();
const path = `/integrations/${integration}/locations`;

async function proxyTo(upstream: string, extra: Partial<ProxyOptions> = {}) {
  const lines: string[] = [];
  const proxy = await serveProxy({
    spec,
    upstream: { url: new URL(upstream), timeoutMs: 2000 },
    log: (line) => lines.push(line),
    ...extra,
  });
  return { proxy, lines };
}

const post = (base: string, target: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${target}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('the proxy in front of the mock', () => {
  let mock: Awaited<ReturnType<typeof serveMock>>;
  beforeAll(async () => {
    mock = await serveMock({ port: 0 });
  });
  afterAll(() => mock.close());

  it("passes valid, invalid, unauthenticated and unknown-integration requests through with the mock's answers", async () => {
    const { proxy, lines } = await proxyTo(mock.url);
    try {
      const key = { 'x-api-key': apiKey };
      const valid = await post(proxy.url, path, '{"name":"Hatanpää"}', key);
      expect(valid.status).toBe(200);
      expect((await valid.json()).id).toMatch(/^Loc-/);
      const invalid = await post(proxy.url, path, '{"parkingType":"CAR_PARK"}', key);
      expect([invalid.status, await invalid.text()]).toEqual([400, 'Something went wrong']);
      const anonymous = await post(proxy.url, path, '{}');
      expect([anonymous.status, await anonymous.text()]).toEqual([401, 'Not authorised']);
      const unknown = await post(proxy.url, '/integrations/int-nowhere/locations', '{}', key);
      expect([unknown.status, await unknown.text()]).toEqual([404, 'Customer not found']);
      const report = proxy.report();
      expect(report.summary).toMatchObject({ exchanges: 4, requestViolations: 1, responseViolations: 0 });
      expect(report.results).toHaveLength(1);
      expect(report.results[0]).toMatchObject({
        direction: 'request',
        status: 400,
        issues: [{ instancePath: '/parkingType', code: 'enum' }],
        exchange: { index: 2, method: 'POST', path, credentials: 'api-key' },
      });
      expect(JSON.stringify(report)).not.toContain(apiKey);
      expect(lines.join('\n')).not.toContain(apiKey);
      expect(lines).toHaveLength(4);
      const served = await fetch(`${proxy.url}/__proxy/report`);
      expect(await served.json()).toEqual(JSON.parse(JSON.stringify(report)));
    } finally {
      await proxy.close();
    }
  });

  it('masks the v1 code and client id in the report', async () => {
    const { proxy } = await proxyTo(mock.url);
    try {
      const target = `${path}?code=demo-function-code&clientId=tampereen-lataus&excludeChargers=maybe`;
      expect((await post(proxy.url, target, '{}')).status).toBe(400);
      const text = JSON.stringify(proxy.report());
      expect(text).not.toContain('demo-function-code');
      expect(proxy.report().results[0]?.exchange.query).toBe('code=***&clientId=***&excludeChargers=maybe');
    } finally {
      await proxy.close();
    }
  });

  it('answers a request that breaks the spec with 400 itself under enforce', async () => {
    const upstream = await startUpstream((_, __, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"Loc-1"}');
    });
    const { proxy } = await proxyTo(upstream.url, { enforce: true });
    try {
      const refused = await post(proxy.url, path, '{"coordinates":{"latitude":60.1}}', { 'x-api-key': 'k' });
      expect([refused.status, await refused.text()]).toEqual([400, 'Something went wrong']);
      const detailed = await post(proxy.url, path, '{"parkingType":"CAR_PARK"}', {
        'x-api-key': 'k',
        accept: 'application/problem+json',
      });
      expect(detailed.headers.get('content-type')).toBe('application/problem+json');
      expect((await detailed.json()).issues[0]).toMatchObject({ instancePath: '/parkingType', code: 'enum' });
      expect(upstream.hits()).toBe(0);
      const passed = await post(proxy.url, path, '{"name":"Oulu"}', { 'x-api-key': 'k' });
      expect(passed.status).toBe(200);
      expect(upstream.hits()).toBe(1);
      expect(proxy.report().results.map((v) => v.exchange.refused)).toEqual([true, true]);
    } finally {
      await proxy.close();
      await upstream.close();
    }
  });
});

describe('the proxy in front of providers that misbehave', () => {
  it('reports a 200 whose id breaks LocationId, and the client still gets it', async () => {
    const upstream = await startUpstream((_, __, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":12345}');
    });
    const { proxy } = await proxyTo(upstream.url);
    try {
      const answer = await post(proxy.url, path, '{}', { 'x-api-key': 'k' });
      expect([answer.status, await answer.text()]).toEqual([200, '{"id":12345}']);
      expect(proxy.report().results).toMatchObject([
        { direction: 'response', status: 200, issues: [{ instancePath: '/id', code: 'response-type' }] },
      ]);
    } finally {
      await proxy.close();
      await upstream.close();
    }
  });

  it('reports an undocumented 201', async () => {
    const upstream = await startUpstream((_, __, res) => {
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"Loc-1"}');
    });
    const { proxy } = await proxyTo(upstream.url);
    try {
      expect((await post(proxy.url, path, '{}', { 'x-api-key': 'k' })).status).toBe(201);
      expect(proxy.report().results[0]?.issues[0]?.code).toBe('response-status');
    } finally {
      await proxy.close();
      await upstream.close();
    }
  });

  it('answers 504 and reports a violation when the upstream is too slow', async () => {
    const upstream = await startUpstream((_, __, res) => {
      setTimeout(() => res.writeHead(200).end(), 1500);
    });
    const { proxy } = await proxyTo(upstream.url, {
      upstream: { url: new URL(upstream.url), timeoutMs: 200 },
    });
    try {
      const answer = await post(proxy.url, path, '{}', { 'x-api-key': 'k' });
      expect(answer.status).toBe(504);
      expect(proxy.report().results[0]).toMatchObject({
        direction: 'response',
        status: 504,
        issues: [{ code: 'upstream-timeout' }],
      });
    } finally {
      await proxy.close();
      await upstream.close();
    }
  });

  it('answers 502 and reports a violation when the upstream sends more than the response limit', async () => {
    const upstream = await startUpstream((_, __, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      // An endless answer: the proxy must stop reading it, not buffer it.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (res.write(chunk)) if (res.destroyed) return;
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('error', () => {});
      pump();
    });
    const { proxy } = await proxyTo(upstream.url, {
      upstream: { url: new URL(upstream.url), timeoutMs: 10_000, responseLimit: 256 * 1024 },
    });
    try {
      const answer = await post(proxy.url, path, '{}', { 'x-api-key': 'k' });
      expect(answer.status).toBe(502);
      expect(proxy.report().results[0]).toMatchObject({
        direction: 'response',
        status: 502,
        issues: [{ code: 'upstream-too-large' }],
      });
    } finally {
      await proxy.close();
      await upstream.close();
    }
  });

  it('passes repeated Set-Cookie headers and a gzip body unchanged, and checks the decoded copy', async () => {
    const zipped = gzipSync('{"id":"not-a-location-id"}');
    let seenHost = '';
    let seenBody = '';
    const upstream = await startUpstream((req, body, res) => {
      seenHost = req.headers.host ?? '';
      seenBody = body;
      res.writeHead(200, [
        'content-type',
        'application/json',
        'content-encoding',
        'gzip',
        'set-cookie',
        'a=1; Path=/',
        'set-cookie',
        'b=2; Path=/',
      ]);
      res.end(zipped);
    });
    const { proxy } = await proxyTo(upstream.url);
    try {
      const answer = await post(proxy.url, path, '{"name":"Turku"}', {
        'x-api-key': 'k',
        'accept-encoding': 'gzip',
      });
      expect(answer.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
      expect(await answer.json()).toEqual({ id: 'not-a-location-id' });
      expect(seenHost).toBe(new URL(upstream.url).host);
      expect(seenBody).toBe('{"name":"Turku"}');
      expect(proxy.report().results[0]?.issues[0]).toMatchObject({
        instancePath: '/id',
        code: 'response-pattern',
      });
    } finally {
      await proxy.close();
      await upstream.close();
    }
  });
});
