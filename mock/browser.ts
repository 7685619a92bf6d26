// The `ocpi-location-kit/mock` entry for browsers and service workers (the "browser" export condition):
// `createMockApp` on data only, with no file and no process, so a page or MSW's worker runs the whole mock.
import { ConfigError } from '../src/core/config-error.ts';
import { projectSpec } from '../src/core/openapi/project-spec.ts';
import { buildMock, type MockApp, type MockOptions } from './build-mock.ts';
import { checkFixtures, type Fixtures } from './core/state/fixtures.ts';
import demo from './fixtures/demo.json' with { type: 'json' };

export type { MockApp, MockOptions } from './build-mock.ts';
export type { CustomerFixture, Fixtures } from './core/state/fixtures.ts';

let demoFixtures: Fixtures | undefined;

/** The demo customers, checked once. */
function demoCustomers(): Fixtures {
  if (!demoFixtures) {
    const checked = checkFixtures(demo);
    if (!checked.ok) throw new ConfigError(`mock/fixtures/demo.json: ${checked.message}`);
    demoFixtures = checked.value;
  }
  return demoFixtures;
}

/** Builds the mock from a spec and fixtures given as data (by default the project's spec and the demo customers). */
export function createMockApp(options: MockOptions = {}): MockApp {
  if (typeof options.spec === 'string' || typeof options.fixtures === 'string') {
    throw new ConfigError(
      'outside Node, createMockApp takes the spec and the fixtures as data, not file names',
    );
  }
  return buildMock({
    ...options,
    spec: options.spec ?? projectSpec(),
    fixtures: options.fixtures ?? demoCustomers(),
  });
}
