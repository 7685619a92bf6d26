import { join } from 'node:path';
import { ConfigError } from '../src/core/config-error.ts';
import { parseJson } from '../src/core/validation/parse-json.ts';
import { packageRoot } from '../src/node/package-root.ts';
import { readConfigFile } from '../src/node/read-config-file.ts';
import { checkFixtures, type Fixtures } from './core/state/fixtures.ts';

/** The demo customers every mock starts with unless `--fixtures` names another file. */
export const demoFixturesPath: string = join(packageRoot, 'mock/fixtures/demo.json');

/** Reads and checks a fixtures file; throws `ConfigError` naming the file when it is unusable. */
export function loadFixtures(file: string = demoFixturesPath): Fixtures {
  const { path, text } = readConfigFile(file, 'the fixtures');
  const parsed = parseJson(text);
  if (!parsed.ok) throw new ConfigError(`${path}: ${parsed.issue.message.replace(/^the body/, 'the file')}`);
  const checked = checkFixtures(parsed.value);
  if (!checked.ok) throw new ConfigError(`${path}: ${checked.message}`);
  return checked.value;
}
