import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/config-error.ts';
import { createValidator } from '../../src/core/validation/validator.ts';
import { loadSpec } from '../../src/node/load-spec.ts';
import { editSpec, specText, tempProject } from '../support/temp-project.ts';

const temp = tempProject([]);
afterAll(() => temp.remove());

/** The 1-based line of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const failure = (text: string, file: string): string => {
  const path = temp.write(file, text);
  try {
    loadSpec(path);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error(`${file} loaded without an error`);
};

describe('loadSpec', () => {
  it('loads the project spec and finds addLocation', () => {
    const spec = loadSpec();
    expect(spec.operation).toMatchObject({
      method: 'POST',
      pathTemplate: '/integrations/{integrationId}/locations',
      bodyPointer:
        '/paths/~1integrations~1{integrationId}~1locations/post/requestBody/content/application~1json/schema',
    });
    expect(spec.lineOf('/components/schemas/Location')).toBe(lineOf(specText, '    Location:\n'));
  });

  it('names file, line and column for a YAML error', () => {
    const broken = specText.replace('openapi: 3.1.0\ninfo:\n', 'openapi: 3.1.0\ninfo:\n  title: [unclosed\n');
    expect(failure(broken, 'yaml-error.yaml')).toMatch(/\/yaml-error\.yaml:4:3: YAML error: Flow sequence/);
  });

  it('names file and line for a duplicate key', () => {
    const broken = editSpec('  version: 1.0.0\n', '  version: 1.0.0\n  version: 1.0.1\n');
    expect(failure(broken, 'duplicate.yaml')).toBe(
      `${temp.dir}/duplicate.yaml:${lineOf(broken, 'version: 1.0.1')}:3: YAML error: Map keys must be unique`,
    );
  });

  it('names file and line for a dangling $ref', () => {
    const broken = editSpec(
      "$ref: '#/components/schemas/GeoLocation'",
      "$ref: '#/components/schemas/GeoLocatoin'",
    );
    const line = lineOf(broken, 'GeoLocatoin');
    expect(failure(broken, 'dangling.yaml')).toBe(
      `${temp.dir}/dangling.yaml:${line}: $ref "#/components/schemas/GeoLocatoin" points at nothing`,
    );
  });

  it('names file and line for a remote $ref', () => {
    const broken = editSpec("$ref: '#/components/schemas/GeoLocation'", "$ref: 'geo.yaml#/GeoLocation'");
    expect(failure(broken, 'remote.yaml')).toBe(
      `${temp.dir}/remote.yaml:${lineOf(broken, 'geo.yaml')}: only local $refs are supported, found "geo.yaml#/GeoLocation"`,
    );
  });

  it.each([
    ['3.0.3', 'openapi: 3.0.3', '"3.0.3"'],
    ['3.1 without a patch number', "openapi: '3.1'", '"3.1"'],
    ['a Swagger 2.0 document', 'swagger: "2.0"', 'undefined'],
  ])('refuses %s with file and line', (_, header, found) => {
    const broken = editSpec('openapi: 3.1.0', header);
    expect(failure(broken, 'version.yaml')).toBe(
      `${temp.dir}/version.yaml:1: expected "openapi: 3.1.x", found ${found}`,
    );
  });

  it('names file and line of paths when addLocation is missing', () => {
    const broken = editSpec('operationId: addLocation', 'operationId: createLocation');
    expect(failure(broken, 'no-operation.yaml')).toBe(
      `${temp.dir}/no-operation.yaml:${lineOf(broken, '\npaths:') + 1}: no operation with operationId "addLocation"`,
    );
  });

  it('refuses a document that is not a mapping', () => {
    expect(failure('- openapi\n- 3.1.0\n', 'list.yaml')).toBe(
      `${temp.dir}/list.yaml: not an OpenAPI document (expected a mapping at the top level)`,
    );
  });

  it('says a missing file cannot be read', () => {
    expect(() => loadSpec(`${temp.dir}/nowhere.yaml`)).toThrow(
      new ConfigError(`${temp.dir}/nowhere.yaml: cannot read the spec (ENOENT)`),
    );
  });

  it('compiles a validator from another spec file', () => {
    const looser = editSpec(/ {12}rule:\n {14}maxLength: 255\n {8}publish:/, '        publish:');
    const spec = loadSpec(temp.write('looser.yaml', looser));
    const issues = createValidator(spec).validateBody({
      timezone: 'Europe/Helsinki',
      name: 'x'.repeat(300),
    }).issues;
    expect(issues).toEqual([]);
  });
});
