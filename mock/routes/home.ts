import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import { headerCredential } from '../../src/core/openapi/operation.ts';
import type { Spec } from '../../src/core/openapi/spec.ts';
import { apiKeyHeader } from '../../src/generated/api-facts.ts';
import type { Fixtures } from '../core/state/fixtures.ts';
import { createBrowserBundles, isBrowserModule } from './browser-bundle.ts';
import { renderHomePage } from './home-page.ts';
import { deriveSamples, findDemoCredentials } from './home-samples.ts';

/** What the home page is made from. */
export interface HomeOptions {
  readonly spec: Spec;
  readonly fixtures: Fixtures;
  readonly strict: boolean;
}

/**
 * Same origin only: the page talks to this mock and loads nothing from elsewhere. Inline scripts and styles
 * are refused too; the page has none (W3C Content Security Policy Level 3).
 */
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const javascript = 'text/javascript; charset=UTF-8';
const stylesheet = new URL('./browser/checker.css', import.meta.url);

/**
 * Mounts `GET /` (what this mock is, the demo credentials, the payload checker) and its `/assets/`: the page's
 * stylesheet, its script and the typed client, bundled for browsers on first request.
 */
export function mountHome(app: Hono, options: HomeOptions): void {
  const { operation } = options.spec;
  const html = renderHomePage({
    operation: `${operation.method} ${operation.pathTemplate}`,
    apiKeyHeader: headerCredential(operation)?.name ?? apiKeyHeader,
    credentials: findDemoCredentials(options.fixtures),
    samples: deriveSamples(options.spec),
    strict: options.strict,
    specDigest: options.spec.digest,
    target: 'mock',
  });
  const bundles = createBrowserBundles();
  let css: Promise<string> | undefined;

  app.get('/', (c) =>
    c.html(html, 200, { 'content-security-policy': contentSecurityPolicy, 'cache-control': 'no-cache' }),
  );
  app.get('/assets/checker.css', async (c) => {
    css ??= readFile(stylesheet, 'utf8');
    return c.body(await css, 200, { 'content-type': 'text/css; charset=UTF-8', 'cache-control': 'no-cache' });
  });
  app.get('/assets/:file', async (c) => {
    const file = c.req.param('file');
    if (!isBrowserModule(file)) return c.notFound();
    return c.body(await bundles(file), 200, { 'content-type': javascript, 'cache-control': 'no-cache' });
  });
}
