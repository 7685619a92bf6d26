import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { joinPointer } from '../openapi/pointer.ts';
import type { Spec } from '../openapi/spec.ts';
import { createAjv } from './create-ajv.ts';
import { createIssue } from './issue.ts';
import type { Issue } from './types.ts';
import { refTo, specId } from './validator-sources.ts';

/** A provider's answer, as a checker saw it: the body as text, decoded. */
export interface ObservedResponse {
  readonly status: number;
  /** The `Content-Type` header as sent, parameters included; undefined when absent. */
  readonly contentType: string | undefined;
  readonly body: string;
}

/** Checks a provider's answers against the responses the operation documents. */
export interface ResponseValidator {
  /**
   * The issues of one answer: an undocumented status, an undocumented media type, a body that is not JSON where
   * JSON is documented, or a body that breaks the schema of its status and media type. Empty when it conforms.
   */
  validateResponse(response: ObservedResponse): Issue[];
}

/** The media type of a `Content-Type` value, lower-cased and without parameters. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

/** Compiles the operation's response schemas once (each on first use) and checks answers against them. */
export function createResponseValidator(spec: Spec): ResponseValidator {
  const ajv = createAjv({ allErrors: true, validateSchema: false, strict: false }).addSchema(
    spec.doc,
    specId,
  );
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (pointer: string) => {
    let validate = compiled.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: refTo(pointer) });
      compiled.set(pointer, validate);
    }
    return validate;
  };
  const responsesPointer = joinPointer(spec.operation.pointer, 'responses');
  return {
    validateResponse({ status, contentType, body }) {
      const documented = spec.operation.responses[status];
      if (!documented) {
        const statuses = Object.keys(spec.operation.responses).join(', ');
        return [
          issue(
            'response-status',
            '',
            responsesPointer,
            `status ${status} is not documented (documented: ${statuses})`,
          ),
        ];
      }
      const statusPointer = joinPointer(responsesPointer, String(status));
      const mediaTypes = Object.keys(documented.content);
      if (mediaTypes.length === 0) return [];
      const mediaType = mediaTypeOf(contentType);
      const content = mediaType === undefined ? undefined : documented.content[mediaType];
      if (!content || mediaType === undefined) {
        return [
          issue(
            'response-content-type',
            '',
            joinPointer(statusPointer, 'content'),
            `${status} with ${contentType === undefined ? 'no Content-Type' : `Content-Type ${contentType}`} is not documented (documented: ${mediaTypes.join(', ')})`,
          ),
        ];
      }
      let data: unknown = body;
      if (isJson(mediaType)) {
        try {
          data = JSON.parse(body);
        } catch {
          return [
            issue(
              'response-json',
              '',
              content.schemaPointer,
              `the ${status} body is not valid JSON (${mediaType})`,
            ),
          ];
        }
      }
      const validate = validatorFor(content.schemaPointer);
      if (validate(data)) return [];
      return (validate.errors ?? []).slice(0, 50).map((error) => schemaIssue(error, content.schemaPointer));
    },
  };
}

function issue(code: string, instancePath: string, specPointer: string, message: string): Issue {
  return createIssue({ code, instancePath, specPointer, message });
}

function schemaIssue(error: ErrorObject, schemaPointer: string): Issue {
  const where = error.instancePath === '' ? 'the body' : error.instancePath;
  const allowed =
    error.keyword === 'enum' ? (error.params as { allowedValues?: unknown[] }).allowedValues : undefined;
  return {
    ...issue(
      `response-${error.keyword}`,
      error.instancePath,
      schemaPointer,
      `${where} ${error.message ?? 'is not valid'}`,
    ),
    ...(Array.isArray(allowed) ? { allowedValues: allowed as (string | number | boolean)[] } : {}),
  };
}
