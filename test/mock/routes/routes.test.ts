import { describe, expect, it } from 'vitest';
import { demoKey, makeMock, post, tampere } from '../helpers.ts';

const mock = makeMock({ seed: 1 });

describe('routes outside the API', () => {
  it('returns a 404 that cannot be confused with Customer not found for an unknown route', async () => {
    const response = await mock.app.request('/locations', { method: 'POST', headers: demoKey, body: '{}' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const text = await response.text();
    expect(text).not.toContain('Customer not found');
    expect(JSON.parse(text)).toMatchObject({ title: 'No such route' });
  });

  it('returns 405 with Allow for a wrong method', async () => {
    const response = await mock.app.request(tampere, { method: 'GET', headers: demoKey });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('follows the spec: a changed path template changes the route', async () => {
    const { parseSpec } = await import('../../../src/node/load-spec.ts');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(mock.spec.path, 'utf8').replace(
      '/integrations/{integrationId}/locations:',
      '/v2/integrations/{integrationId}/locations:',
    );
    const moved = makeMock({ spec: parseSpec(text, 'moved.yaml') });
    expect((await post(moved, `/v2${tampere}`)).status).toBe(200);
    expect((await post(moved, tampere)).status).toBe(404);
  });
});
