import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../../src/config-error.ts';
import { packageRoot } from '../../src/openapi/package-root.ts';
import { parseJson } from '../../src/validation/parse-json.ts';
import { checkFixtures, type Fixtures } from '../state/fixtures.ts';

/** The demo customers every mock starts with unless `--fixtures` names another file. */
export const demoFixturesPath: string = join(packageRoot, 'mock/fixtures/demo.json');

/** Reads and checks a fixtures file; throws `ConfigError` naming the file when it is unusable. */
export function loadFixtures(file: string = demoFixturesPath): Fixtures {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `${path}: cannot read the fixtures (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const parsed = parseJson(text);
  if (!parsed.ok) throw new ConfigError(`${path}: ${parsed.issue.message.replace(/^the body/, 'the file')}`);
  const checked = checkFixtures(parsed.value);
  if (!checked.ok) throw new ConfigError(`${path}: ${checked.message}`);
  return checked.value;
}
