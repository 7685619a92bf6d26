// `createMockApp` in Node: spec and fixtures may be files, bugs go to the guarded stderr, `/__mock/health` tells
// the process's memory and dropped output, and the docs and checker pages are there. The core is build-mock.ts.
import type { Hono } from 'hono';
import { loadSpec } from '../src/node/load-spec.ts';
import { type BuiltMockOptions, buildMock, type MockApp, type MockOptions } from './build-mock.ts';
import { loadFixtures } from './fixtures-file.ts';
import { outputStats, writeError } from './output.ts';
import { mountDocs } from './routes/docs.ts';
import { mountHome } from './routes/home.ts';

export type { BuiltMockOptions, MockApp, MockBindings, MockHost, MockOptions } from './build-mock.ts';

/** Builds the mock from the spec (by default the project's openapi.yaml) and the fixtures (by default the demo). */
export function createMockApp(options: MockOptions = {}): MockApp {
  const spec = typeof options.spec === 'object' ? options.spec : loadSpec(options.spec);
  const fixtures = typeof options.fixtures === 'object' ? options.fixtures : loadFixtures(options.fixtures);
  const built: BuiltMockOptions = { ...options, spec, fixtures };
  return buildMock(built, {
    reportBug: (text) => writeError(`${text}\n`),
    processHealth: () => ({ rssBytes: process.memoryUsage.rss(), output: outputStats() }),
    mountPages: (app: Hono, mock) => {
      mountDocs(app, mock.spec);
      mountHome(app, mock);
    },
  });
}
