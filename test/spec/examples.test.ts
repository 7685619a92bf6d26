import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { getAtPointer, joinPointer } from '../../src/core/openapi/pointer.ts';
import { resolveRef } from '../../src/core/openapi/resolve-ref.ts';
import { createValidator } from '../../src/core/validation/validator.ts';
import { loadSpec } from '../../src/node/load-spec.ts';

type Json = Record<string, unknown>;

const spec = loadSpec();
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
ajv.addSchema(spec.doc, 'openapi.yaml');

/** Every named example of every media type of the spec (operation and components), with its schema. */
function collectExamples(): Array<{ name: string; schemaPointer: string; value: unknown }> {
  const out: Array<{ name: string; schemaPointer: string; value: unknown }> = [];
  const visit = (node: unknown, pointer: string) => {
    if (!node || typeof node !== 'object') return;
    const media = node as Json;
    if (/\/content\/[^/]+$/.test(pointer) && media.schema) {
      const schemaPointer = resolveRef(spec.doc, media.schema, joinPointer(pointer, 'schema')).pointer;
      if ('example' in media) out.push({ name: `${pointer}/example`, schemaPointer, value: media.example });
      for (const [name, raw] of Object.entries((media.examples ?? {}) as Json)) {
        const example = resolveRef(spec.doc, raw, joinPointer(pointer, 'examples', name));
        out.push({ name: `${example.pointer} (${name})`, schemaPointer, value: example.node.value });
      }
      return;
    }
    for (const [key, child] of Object.entries(node)) visit(child, joinPointer(pointer, key));
  };
  visit(spec.doc.paths, '/paths');
  visit((spec.doc.components as Json).responses, '/components/responses');
  visit((spec.doc.components as Json).requestBodies, '/components/requestBodies');
  return out;
}

const examples = collectExamples();

describe('examples of openapi.yaml', () => {
  it('finds the request, response and problem+json examples', () => {
    const names = examples.map((example) => example.name).join('\n');
    for (const name of ['CompleteSite', 'Minimal', 'EmptyLocation', 'NumericEnums', 'LimitedVisibility'])
      expect(names).toContain(`/components/examples/${name}`);
    expect(names).toContain('/200/content/application~1json/examples/documented');
    expect(names).toContain('/components/responses/BadRequest/content/application~1problem+json/example');
    expect(names).toContain('/components/responses/NotAuthorised/content/text~1plain/example');
    expect(examples.length).toBeGreaterThanOrEqual(14);
  });

  it.each(examples)('$name is valid against its own schema', ({ schemaPointer, value }) => {
    expect(getAtPointer(spec.doc, schemaPointer)).toBeDefined();
    const validate = ajv.compile({ $ref: `openapi.yaml#${encodeURI(schemaPointer)}` });
    expect(validate(value) ? [] : validate.errors).toEqual([]);
  });

  it.each(Object.entries(spec.operation.requestExamples))(
    'request example %s follows every OCPI rule too (strict, no warnings)',
    (_, value) => {
      expect(createValidator(spec).validateBody(value, { strict: true }).issues).toEqual([]);
    },
  );

  it('reports which enum form each request example uses', () => {
    const validator = createValidator(spec);
    const forms = Object.fromEntries(
      Object.entries(spec.operation.requestExamples).map(([name, value]) => [
        name,
        validator.validateBody(value).enumForm,
      ]),
    );
    expect(forms).toEqual({
      completeSite: 'names',
      minimal: 'none',
      emptyLocation: 'names',
      numericEnums: 'numbers',
      limitedVisibility: 'names',
    });
  });
});
