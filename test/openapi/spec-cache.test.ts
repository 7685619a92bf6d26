import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config-error.ts';
import { loadSpec } from '../../src/openapi/load-spec.ts';
import { readCachedSpec, specDigest } from '../../src/openapi/spec-cache.ts';
import { createValidator } from '../../src/validation/validator.ts';
import { specText, tempProject } from './temp-project.ts';

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
