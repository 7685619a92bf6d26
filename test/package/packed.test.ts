import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser } from '../browser/bundle.ts';
import { runCli, startMockCli } from '../cli/mock-process.ts';
import { demo } from '../support/demo.ts';
import { checkInstalledChecker, runInstalledMswApp } from './installed-browser.ts';
import { installedPackages, installPacked, type PackedProject, projectRoot } from './packed-project.ts';

// The package as a frontend team, a CI pipeline or a partner gets it: packed, installed from the tarball into a
// project of its own with msw and typescript beside it, and used there with no TypeScript loader.
let project: PackedProject;
beforeAll(() => {
  project = installPacked(
    ['msw', 'typescript', '@types/node'],
    ['imports.mjs', 'msw.mjs', 'consumer.ts', 'wrong-enum.ts'],
  );
}, 300_000);
afterAll(() => project?.remove());

const payload = (name: string) => join(projectRoot, 'test/fixtures/payloads', name);

describe('the packed tarball', () => {
  it('ships the build and no tests, CI files or sources', () => {
    const paths = project.pack.files.map((file) => file.path);
    expect(paths).toContain('dist/src/index.js');
    expect(paths).toContain('dist/src/index.d.ts');
    expect(paths).toContain('openapi.yaml');
    expect(paths).toContain('dist/openapi.json');
    expect(paths).toContain('CHANGELOG.md');
    // Data the package reads at run time sits at its root: the spec, the project's pacts, the demo fixtures.
    const data = /^(contracts\/pacts\/[^/]+\.json|mock\/fixtures\/demo\.json)$/;
    const unwanted = paths.filter(
      (path) =>
        !data.test(path) &&
        /^(test|contracts|scripts|src|mock|\.github|\.ci)\/|tsbuildinfo|\.png$|\.test\./.test(path),
    );
    expect(unwanted).toEqual([]);
    expect(paths.filter((path) => data.test(path)).length).toBe(2);
  });

  it('installs no typescript loader, bundler or pact with the package', () => {
    const packages = installedPackages(project.dir);
    expect(packages).toContain('hono');
    const loaders = packages.filter((name) =>
      /^(tsx|ts-node|esbuild|@esbuild\/.*|@swc\/.*|@pact-foundation\/.*|vitest)$/.test(name),
    );
    expect(loaders).toEqual([]);
  });
});

describe('the installed command', () => {
  it('prints the version', async () => {
    const run = await runCli(['--version'], '', project.dir, project.bin);
    expect({ code: run.code, stdout: run.stdout.trim() }).toEqual({ code: 0, stdout: project.version });
  });

  it('exits 0 for a valid payload and 1 for an invalid one, caching the spec outside the package', async () => {
    const cache = join(project.dir, 'user-cache');
    const env = { XDG_CACHE_HOME: cache };
    const valid = await runCli(
      ['validate', payload('valid-gent-zuid-belgium.json')],
      '',
      project.dir,
      project.bin,
      env,
    );
    expect(valid.code).toBe(0);
    const invalid = await runCli(
      ['validate', payload('invalid-helsinki-parking-type-misspelt.json')],
      '',
      project.dir,
      project.bin,
      env,
    );
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('/parkingType');
    expect(readdirSync(join(cache, 'ocpi-location-kit/specs')).length).toBeGreaterThan(0);
    expect(existsSync(join(project.dir, 'node_modules/ocpi-location-kit/node_modules'))).toBe(false);
  });

  it('serves the mock: the api, the page and its prebuilt scripts', async () => {
    const mock = await startMockCli(['--log-format', 'json'], 20_000, project.bin);
    try {
      const created = await fetch(`${mock.url}/integrations/int-tampere-roaming/locations`, {
        method: 'POST',
        headers: { 'x-api-key': demo.apiKey, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(created.status).toBe(200);
      expect(((await created.json()) as { id: string }).id).toMatch(/^Loc-/);
      for (const path of ['/', '/assets/client.js', '/assets/checker.js', '/assets/checker.css', '/docs']) {
        const page = await fetch(mock.url + path);
        await page.arrayBuffer();
        expect({ path, status: page.status }).toEqual({ path, status: 200 });
      }
    } finally {
      await mock.stop();
    }
  });

  it('says in one line how to install the verifier when verify runs without it', async () => {
    const run = await runCli(
      ['verify', '--provider-base-url', 'http://127.0.0.1:9'],
      '',
      project.dir,
      project.bin,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'ocpi-location-kit: verify needs the optional dependency @pact-foundation/pact-core: npm i -D @pact-foundation/pact-core@19\n',
    );
  });
});

describe('the installed entry points', () => {
  it('import in plain node esm: an in-process client gets a Loc- id and a 404', () => {
    const run = project.node(['imports.mjs']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      created: { ok: true, id: expect.stringMatching(/^Loc-/) },
      missing: expect.objectContaining({ ok: false, status: 404 }),
      journal: [200, 404],
      valid: true,
      invalid: ['/parkingType'],
      parsed: false,
      handlers: 1,
      serveMock: 'function',
      openapiJson: '3.1.0',
      openapiYaml: true,
      version: project.version,
    });
  });

  it('answer 200, 401, 404 and 400 through msw setupServer to a plain fetch', () => {
    const run = project.node(['msw.mjs']);
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as Record<string, { status: number; type: string; body: unknown }>;
    expect(results.created).toMatchObject({ status: 200, body: { id: expect.stringMatching(/^Loc-/) } });
    expect(results.unauthorised?.status).toBe(401);
    expect(results.notFound?.status).toBe(404);
    expect(results.invalid).toMatchObject({
      status: 400,
      type: 'application/problem+json',
      body: { issues: expect.arrayContaining([expect.objectContaining({ instancePath: '/parkingType' })]) },
    });
  });

  it('records a pact from that traffic with recordPacts, which compare passes', async () => {
    const run = project.node(['msw.mjs']);
    const { recorded } = JSON.parse(run.stdout) as {
      recorded: { file: string; interactions: string[]; keyInFile: boolean };
    };
    // Two alike valid requests are one interaction; the key is never stored as given.
    expect(recorded.interactions).toEqual([
      'addLocation: 200 for a valid location',
      'addLocation: 400 for a location whose /parkingType breaks enum (problem details)',
      'addLocation: 401 for an unknown API key',
      'addLocation: 404 for an unknown integration',
    ]);
    expect(recorded.keyInFile).toBe(false);
    const compared = await runCli(['compare', '--pacts', recorded.file], '', project.dir, project.bin);
    expect(compared.code).toBe(0);
  });
});

describe('the shipped declarations', () => {
  const typecheck = (resolution: 'nodenext' | 'bundler', file: string) => {
    const config = `tsconfig.${resolution}.${file}.json`;
    const compilerOptions = {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      target: 'es2022',
      lib: ['es2023', 'dom'],
      types: ['node'],
      module: resolution === 'nodenext' ? 'nodenext' : 'esnext',
      moduleResolution: resolution,
    };
    writeFileSync(join(project.dir, config), JSON.stringify({ compilerOptions, files: [file] }));
    return project.node(['node_modules/typescript/bin/tsc', '-p', config]);
  };

  it.each(['nodenext', 'bundler'] as const)(
    'type-check a strict consumer under %s',
    (resolution) => {
      const run = typecheck(resolution, 'consumer.ts');
      expect(run.stdout).toBe('');
      expect(run.status).toBe(0);
    },
    120_000,
  );

  it.each(['nodenext', 'bundler'] as const)(
    'refuse a wrong enum value under %s',
    (resolution) => {
      const run = typecheck(resolution, 'wrong-enum.ts');
      expect(run.status).not.toBe(0);
      expect(run.stdout).toMatch(/wrong-enum\.ts\(4,\d+\): error TS2322: Type '"CAR_PARK"'/);
    },
    120_000,
  );
});

describe('the installed package in a browser build', () => {
  it('ships the static checker', () => {
    const folder = join(project.dir, 'node_modules/ocpi-location-kit/dist/checker');
    expect(readdirSync(folder).sort()).toEqual(['checker.css', 'checker.js', 'favicon.svg', 'index.html']);
  });

  it('bundles the three entry points for --platform=browser with no Node module', async () => {
    const entry = join(project.dir, 'browser-app.mjs');
    writeFileSync(
      entry,
      [
        "import { createLocationsClient, createValidator } from 'ocpi-location-kit';",
        "import { createMockApp } from 'ocpi-location-kit/mock';",
        "import { createMswHandlers } from 'ocpi-location-kit/msw';",
        'export { createLocationsClient, createValidator, createMockApp, createMswHandlers };',
      ].join('\n'),
    );
    const { inputs } = await bundleForBrowser(entry, project.dir);
    expect(inputs.filter((input) => input.startsWith('node:'))).toEqual([]);
    expect(inputs.some((input) => input.includes('ocpi-location-kit/dist/mock/browser.js'))).toBe(true);
  });
});

describe('the installed package in headless Chromium', () => {
  it('serves its static checker under script-src self: issues where the mistakes are, none for a correct body', async () => {
    const seen = await checkInstalledChecker(project.dir);
    expect(seen.mistakes).toEqual(expect.arrayContaining(['/parkingType', '/facilities/1']));
    expect(seen.correct).toEqual([]);
    expect(seen.problems).toEqual([]);
    expect(seen.foreign).toEqual([]);
  });

  it('answers an app bundled from it through MSW in a service worker: 200, 401, 404 and 400', async () => {
    const answers = await runInstalledMswApp(project.dir);
    expect(answers.created).toMatchObject({ ok: true, id: expect.stringMatching(/^Loc-/) });
    expect(answers.unauthorised).toMatchObject({ ok: false, status: 401 });
    expect(answers.notFound).toMatchObject({ ok: false, status: 404 });
    expect(answers.invalid).toMatchObject({ ok: false, status: 400, kind: 'bad-request' });
    expect(answers.invalid?.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ instancePath: '/parkingType' })]),
    );
  });
});
