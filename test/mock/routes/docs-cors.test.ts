import { describe, expect, it } from 'vitest';
import { demoKey, json, makeMock, tampere } from '../helpers.ts';

const mock = makeMock();

describe('the API reference', () => {
  it('serves an HTML page at /docs that loads only local files', async () => {
    const response = await mock.app.request('/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it.each(['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'init.js'])(
    'serves /docs/%s',
    async (file) => {
      const response = await mock.app.request(`/docs/${file}`);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    },
  );

  it('serves no other file of node_modules', async () => {
    expect((await mock.app.request('/docs/package.json')).status).toBe(404);
    expect((await mock.app.request('/docs/..%2F..%2Fpackage.json')).status).toBe(404);
  });

  it('serves the spec as JSON', async () => {
    const body = await (await mock.app.request('/openapi.json')).json();
    expect(body.paths['/integrations/{integrationId}/locations'].post.operationId).toBe('addLocation');
  });

  it('serves the spec as YAML', async () => {
    const response = await mock.app.request('/openapi.yaml');
    expect(response.headers.get('content-type')).toContain('yaml');
    expect(await response.text()).toMatch(/^openapi: 3\.1/);
  });
});

describe('CORS', () => {
  const origin = 'http://localhost:5173';
  const preflight = (app = mock.app) =>
    app.request(tampere, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-api-key, content-type',
      },
    });

  it('answers a preflight from any origin by default', async () => {
    const response = await preflight();
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('x-api-key, content-type');
  });

  it('adds the allow-origin header to a browser request', async () => {
    const response = await mock.app.request(tampere, {
      method: 'POST',
      headers: { ...demoKey, ...json, origin },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('sends no CORS headers without an Origin', async () => {
    const response = await mock.app.request(tampere, {
      method: 'POST',
      headers: { ...demoKey, ...json },
      body: '{}',
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows only the configured origins', async () => {
    const closed = makeMock({ corsOrigins: ['https://app.example.fi'] });
    expect((await preflight(closed.app)).status).toBe(403);
    const allowed = await closed.app.request(tampere, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.fi', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.fi');
    expect(allowed.headers.get('vary')).toBe('Origin');
  });
});
