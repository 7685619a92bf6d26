import { describe, expect, it } from 'vitest';
import { deriveSamples } from '../../../mock/routes/home-samples.ts';
import { demo } from '../../support/demo.ts';
import { makeMock, spec } from '../helpers.ts';

const mock = makeMock();

describe('the home page', () => {
  it('serves HTML under a same-origin Content-Security-Policy', async () => {
    const response = await mock.app.request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
  });

  it('links the API reference and the spec, and loads nothing from another origin', async () => {
    const html = await (await mock.app.request('/')).text();
    for (const link of ['/docs', '/openapi.yaml', '/openapi.json']) expect(html).toContain(`href="${link}"`);
    const loaded = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
    expect(loaded.length).toBeGreaterThan(4);
    for (const url of loaded) expect(url).toMatch(/^\/[^/]/);
  });

  it('shows and prefills the first customer of the loaded fixtures', async () => {
    const custom = makeMock({
      fixtures: {
        customers: [{ name: 'Lahden Lataus', apiKeys: ['lahti-key'], integrations: ['int-lahti'] }],
      },
    });
    const html = await (await custom.app.request('/')).text();
    expect(html).toContain('Demo customer Lahden Lataus');
    expect(html).toContain('value="lahti-key"');
    expect(html).toContain('value="int-lahti"');
    expect(html).not.toContain(demo.apiKey);
  });

  it('escapes fixture values in the HTML', async () => {
    const custom = makeMock({ fixtures: { customers: [{ apiKeys: ['"><b>'], integrations: ['i<1'] }] } });
    const html = await (await custom.app.request('/')).text();
    expect(html).not.toContain('"><b>');
    expect(html).toContain('i&#60;1');
  });

  it('offers three of the spec examples and one with mistakes', () => {
    const samples = deriveSamples(spec);
    expect(samples.map((sample) => sample.label)).toEqual([
      'Complete',
      'Minimal',
      'Numeric enums',
      'With mistakes',
    ]);
    const mistaken = JSON.parse(samples[3]?.text ?? '{}');
    expect(mistaken).toMatchObject({ parkingType: 'CAR_PARK', facilities: ['WIFI', 'JACUZZI'] });
    expect(typeof mistaken.coordinates.latitude).toBe('number');
  });

  it('serves the typed client as one ES module, built once', async () => {
    const first = await mock.app.request('/assets/client.js');
    expect(first.headers.get('content-type')).toContain('text/javascript');
    const code = await first.text();
    expect(code).toMatch(/export\s*\{[^}]*createLocationsClient/);
    expect(code).not.toMatch(/^import /m);
    expect(await (await mock.app.request('/assets/client.js')).text()).toBe(code);
  });

  it('serves the page script, which takes the client from /assets/client.js', async () => {
    const code = await (await mock.app.request('/assets/checker.js')).text();
    expect(code).toMatch(/from "\/assets\/client\.js"/);
    expect(code).not.toContain('function createLocationsClient');
  });

  it('serves no other asset', async () => {
    expect((await mock.app.request('/assets/index.ts')).status).toBe(404);
    expect((await mock.app.request('/assets/..%2Fpackage.json')).status).toBe(404);
  });
});
