import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import { compilePathTemplate } from '../core/openapi/path-template.ts';
import { escapeToken } from '../core/openapi/pointer.ts';
import type { Spec } from '../core/openapi/spec.ts';
import { createAjv } from '../core/validation/create-ajv.ts';
import type { Finding } from './finding.ts';
import { type PactInteraction, statesOf } from './read-pacts.ts';

type Headers = Record<string, string | string[]>;
interface HttpResponse {
  status?: number;
  headers?: Headers;
  body?: unknown;
}
interface HttpRequest {
  method?: string;
  path?: string;
}

/**
 * Checks the text bodies (`text/plain` and other non-JSON types) that a pact expects against the schema the spec
 * gives that media type, e.g. eMabler's `const: Customer not found`. openapi-pact-comparator validates JSON
 * bodies only, so a pact expecting another sentence would otherwise pass the comparison and fail the provider.
 */
export function compareTextBodies(spec: Spec, interactions: readonly PactInteraction[]): Finding[] {
  const { operation } = spec;
  const route = compilePathTemplate(operation.pathTemplate);
  const validators = new Map<string, ValidateFunction>();
  const findings: Finding[] = [];
  let ajv: Ajv2020 | undefined;
  interactions.forEach((interaction, index) => {
    const request = interaction.request as HttpRequest | undefined;
    const response = interaction.response as HttpResponse | undefined;
    if (request?.method?.toUpperCase() !== operation.method || !route.match(request.path ?? '')) return;
    const text = textBody(response);
    if (!text || /[/+]json$/.test(text.mediaType)) return;
    const pointer = operation.responses[response?.status ?? 0]?.content[text.mediaType]?.schemaPointer;
    if (pointer === undefined) return; // an unknown status or media type is the comparator's finding
    ajv ??= createAjv({ allErrors: true, validateSchema: false }, false).addSchema(spec.doc, 'spec');
    let validate = validators.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `spec#${encodeURI(pointer)}` });
      validators.set(pointer, validate);
    }
    if (validate(text.value)) return;
    for (const error of validate.errors ?? []) {
      const rule = `${pointer}/${escapeToken(error.keyword)}`;
      const line = spec.lineOf(rule);
      const allowed = error.keyword === 'const' ? ` ${JSON.stringify(error.params.allowedValue)}` : '';
      findings.push({
        severity: 'error',
        code: 'response.body.incompatible',
        message: `Response body is incompatible with the response body schema in the spec file: ${error.message}${allowed}`,
        interaction: {
          index,
          description: interaction.description ?? '(pact)',
          states: statesOf(interaction),
        },
        pactLocation: 'response.body',
        pactValue: text.value,
        spec: line === undefined ? { pointer: rule } : { pointer: rule, line },
      });
    }
  });
  return findings;
}

/** The response's media type (header, or a V4 body's `contentType`) and its body as text, when it has both. */
function textBody(response: HttpResponse | undefined): { mediaType: string; value: string } | undefined {
  const header = Object.entries(response?.headers ?? {}).find(
    ([key]) => key.toLowerCase() === 'content-type',
  );
  const raw = response?.body;
  const v4 =
    raw !== null && typeof raw === 'object' && 'content' in raw
      ? (raw as Record<string, unknown>)
      : undefined;
  const type = (Array.isArray(header?.[1]) ? header[1][0] : header?.[1]) ?? v4?.contentType;
  if (typeof type !== 'string') return undefined;
  let value = v4 ? v4.content : raw;
  if (v4 && typeof value === 'string' && v4.encoded === 'base64')
    value = Buffer.from(value, 'base64').toString();
  if (typeof value !== 'string') return undefined;
  return { mediaType: type.split(';')[0]?.trim().toLowerCase() ?? '', value };
}
