import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Spec } from '../../../src/core/openapi/spec.ts';

/** One answer as a client saw it. */
export interface Exchange {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** Statuses of the mock's own answers outside the operation: no route, wrong method, and the server's limits. */
const routeStatuses = new Set([400, 404, 405, 408, 413, 414, 431]);

/**
 * Checks answers against openapi.yaml: an answer to the operation has a status the operation documents, a media
 * type that status documents, and a body valid against that media type's schema; any other answer is a
 * problem document with a status of the mock's routes. Returns what is wrong, empty when nothing is.
 */
export function createConformance(spec: Spec): (exchange: Exchange) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats.default(ajv, { mode: 'fast' });
  ajv.addSchema(spec.doc, 'openapi.yaml');
  const compiled = new Map<string, ValidateFunction>();
  const schema = (pointer: string) => {
    let validate = compiled.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `openapi.yaml#${encodeURI(pointer)}` });
      compiled.set(pointer, validate);
    }
    return validate;
  };
  const { method, pathTemplate, responses } = spec.operation;
  const route = new RegExp(`^${pathTemplate.replace(/\{[^}]+\}/g, '[^/?]+')}(\\?|$)`);
  const problem = schema('/components/schemas/Problem');

  return (exchange) => {
    const wrong: string[] = [];
    const type = exchange.contentType.split(';')[0]?.trim() ?? '';
    if (exchange.status >= 500) wrong.push(`a ${exchange.status}`);
    const onOperation = exchange.method === method && route.test(exchange.path);
    if (onOperation) {
      const documented = responses[exchange.status];
      if (!documented) return [...wrong, `status ${exchange.status} is not documented for the operation`];
      const media = documented.content[type];
      if (!media) return [...wrong, `${exchange.status} does not document ${type || 'no content type'}`];
      const value = type === 'text/plain' ? exchange.body : parse(exchange.body);
      const validate = schema(media.schemaPointer);
      if (!validate(value)) wrong.push(`${type} body breaks the spec: ${ajv.errorsText(validate.errors)}`);
      return wrong;
    }
    if (exchange.status < 400 || exchange.method === 'HEAD') return wrong;
    if (!routeStatuses.has(exchange.status))
      wrong.push(`status ${exchange.status} is not one of the mock's routes`);
    if (type !== 'application/problem+json')
      wrong.push(`a ${exchange.status} as ${type}, not a problem document`);
    else if (!problem(parse(exchange.body)))
      wrong.push(`problem breaks the spec: ${ajv.errorsText(problem.errors)}`);
    return wrong;
  };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return Symbol('not JSON');
  }
}
