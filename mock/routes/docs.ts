import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import type { Spec } from '../../src/core/openapi/spec.ts';

// Swagger UI's own files, served from node_modules: the reference works with no network at all.
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=UTF-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=UTF-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=UTF-8',
  'favicon-32x32.png': 'image/png',
};

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>ocpi-location-kit mock: API reference</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/swagger-ui-standalone-preset.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

// "Try it out" should call this mock wherever it runs, so the page's own origin becomes the first server.
const init = `fetch('/openapi.json').then((r) => r.json()).then((spec) => {
  const here = { url: location.origin, description: 'This mock' };
  spec.servers = [here, ...(spec.servers || []).filter((s) => s.url !== location.origin)];
  window.ui = SwaggerUIBundle({
    spec, dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'BaseLayout',
  });
});
`;

/** Mounts `/docs` (an offline API reference), `/openapi.yaml` and `/openapi.json`. Files are read on first use. */
export function mountDocs(app: Hono, spec: Spec): void {
  const dist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const cache = new Map<string, Promise<Buffer>>();
  const load = (file: string) => {
    let loaded = cache.get(file);
    if (!loaded) {
      loaded = readFile(file);
      cache.set(file, loaded);
    }
    return loaded;
  };
  let json: string | undefined;

  app.get('/docs', (c) => c.html(page));
  app.get('/docs/', (c) => c.redirect('/docs', 301));
  app.get('/docs/init.js', (c) => c.body(init, 200, { 'content-type': 'text/javascript; charset=UTF-8' }));
  app.get('/docs/:file', async (c) => {
    const file = c.req.param('file');
    const type = assets[file];
    if (!type) return c.notFound();
    const bytes = await load(join(dist, file));
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': type,
      'cache-control': 'public, max-age=3600',
    });
  });
  app.get('/openapi.yaml', async (c) =>
    c.body((await load(spec.path)).toString('utf8'), 200, {
      'content-type': 'application/yaml; charset=UTF-8',
    }),
  );
  app.get('/openapi.json', (c) => {
    json ??= JSON.stringify(spec.doc, null, 2);
    return c.body(json, 200, { 'content-type': 'application/json' });
  });
}
