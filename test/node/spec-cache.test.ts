import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/config-error.ts';
import { createValidator } from '../../src/core/validation/validator.ts';
import { loadSpec } from '../../src/node/load-spec.ts';
import { readCachedSpec, specCacheDirectory, specDigest } from '../../src/node/spec-cache.ts';
import { specText, tempProject } from '../support/temp-project.ts';

const temp = tempProject([]);
afterAll(() => temp.remove());

/** A copy of the project's spec with a comment of its own, so each test has a cache entry of its own. */
const ownSpec = (name: string, text = specText) => `${text}\n# spec-cache test: ${name}\n`;

describe('the spec cache', () => {
  it('serves a second load of the same text with the same document and its lines', () => {
    const text = ownSpec('second load');
    const file = temp.write('fresh.yaml', text);
    const first = loadSpec(file);
    expect(readCachedSpec(specDigest(text))?.doc).toEqual(first.doc);
    const second = loadSpec(file);
    expect(second.doc).toEqual(first.doc);
    expect(second.lineOf('/components/schemas/Location')).toBe(first.lineOf('/components/schemas/Location'));
  });

  it('skips the meta-schema only for a text whose schemas passed it', () => {
    const text = ownSpec('meta-schema');
    const file = temp.write('checked.yaml', text);
    createValidator(loadSpec(file));
    expect(readCachedSpec(specDigest(text))?.schemasChecked).toBe(true);
    const again = loadSpec(file);
    expect(again.schemasChecked).toBe(true);
    expect(createValidator(again).validateBody({ name: 'Hatanpää' }).ok).toBe(true);
  });

  it('refuses a schema that is not JSON Schema on every start, cached or not', () => {
    const broken = ownSpec(
      'broken schema',
      specText.replace(
        '        minLength: 1\n      example: int-tampere-roaming',
        '        minLength: one\n      example: int-tampere-roaming',
      ),
    );
    expect(broken).toContain('minLength: one');
    const file = temp.write('broken.yaml', broken);
    for (let start = 0; start < 2; start++) {
      expect(() => createValidator(loadSpec(file))).toThrow(ConfigError);
      expect(readCachedSpec(specDigest(broken))?.schemasChecked).toBe(false);
    }
  });
});

describe('the spec cache directory', () => {
  it.each([
    ['$XDG_CACHE_HOME when set', { XDG_CACHE_HOME: '/xdg', HOME: '/home/u' }, '/xdg/ocpi-location-kit/specs'],
    ['$OCPI_KIT_CACHE_DIR over everything', { OCPI_KIT_CACHE_DIR: '/own', XDG_CACHE_HOME: '/xdg' }, '/own'],
    [
      'no cache for an empty $OCPI_KIT_CACHE_DIR',
      { OCPI_KIT_CACHE_DIR: '', XDG_CACHE_HOME: '/xdg' },
      undefined,
    ],
  ] as const)('is %s', (_, env, expected) => {
    expect(specCacheDirectory(env)).toBe(expected);
  });

  it("is ~/.cache without $XDG_CACHE_HOME, never the package's own folder", () => {
    const directory = specCacheDirectory({ XDG_CACHE_HOME: '' });
    expect(directory).toBe(join(homedir(), '.cache', 'ocpi-location-kit', 'specs'));
    expect(directory).not.toContain('node_modules');
  });
});
