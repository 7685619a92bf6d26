import { joinPointer } from './pointer.ts';
import { resolveRef } from './resolve-ref.ts';

/** The operation every part of the toolkit is built around. */
export const operationId = 'addLocation';

/** One parameter of the operation, with its `$ref` resolved. */
export interface ParameterInfo {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  /** Pointer to the parameter's schema in the spec. */
  readonly schemaPointer: string;
  readonly schema: Record<string, unknown>;
}

/** One credential of a security requirement: where it travels and under which name. */
export interface Credential {
  readonly scheme: string;
  readonly in: 'header' | 'query' | 'cookie';
  readonly name: string;
}

/** One documented response: its description and, per media type, the schema pointer and named examples. */
export interface ResponseInfo {
  readonly status: number;
  readonly description: string;
  readonly content: Record<string, { schemaPointer: string; examples: Record<string, unknown> }>;
}

/** What the toolkit derives from the addLocation operation of a spec. */
export interface OperationInfo {
  readonly pointer: string;
  readonly method: string;
  readonly pathTemplate: string;
  readonly parameters: readonly ParameterInfo[];
  /** Alternatives: the request is authorised when every credential of one alternative is present. */
  readonly security: readonly (readonly Credential[])[];
  readonly bodyPointer: string;
  readonly bodyRequired: boolean;
  readonly requestExamples: Record<string, unknown>;
  readonly responses: Record<number, ResponseInfo>;
}

type MakeError = (message: string, pointer?: string) => Error;

/** The credential that authorises a request on its own from a header (eMabler API v2's API key), if any. */
export function headerCredential(operation: OperationInfo): Credential | undefined {
  return operation.security.find(
    (alternative) => alternative.length === 1 && alternative[0]?.in === 'header',
  )?.[0];
}
type Json = Record<string, unknown>;

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Finds the addLocation operation and resolves what the mock, validator and contracts need from it. */
export function findOperation(doc: Json, makeError: MakeError): OperationInfo {
  const paths = (doc.paths ?? {}) as Json;
  for (const [pathTemplate, item] of Object.entries(paths)) {
    for (const method of methods) {
      const op = (item as Json | undefined)?.[method] as Json | undefined;
      if (op?.operationId !== operationId) continue;
      const pointer = joinPointer('/paths', pathTemplate, method);
      return {
        pointer,
        method: method.toUpperCase(),
        pathTemplate,
        parameters: resolveParameters(doc, op, pointer, makeError),
        security: resolveSecurity(doc, (op.security ?? doc.security ?? []) as Json[], makeError),
        ...resolveBody(doc, op, pointer, makeError),
        responses: resolveResponses(doc, op, pointer),
      };
    }
  }
  throw makeError(`no operation with operationId "${operationId}"`, '/paths');
}

function resolveParameters(doc: Json, op: Json, opPointer: string, makeError: MakeError): ParameterInfo[] {
  return ((op.parameters ?? []) as unknown[]).map((raw, i) => {
    const { node, pointer } = resolveRef(doc, raw, joinPointer(opPointer, 'parameters', i));
    if (typeof node.name !== 'string' || !['path', 'query', 'header', 'cookie'].includes(String(node.in))) {
      throw makeError('a parameter needs a name and an "in" of path, query, header or cookie', pointer);
    }
    const schema = resolveRef(doc, node.schema ?? {}, joinPointer(pointer, 'schema'));
    return {
      name: node.name,
      in: node.in as ParameterInfo['in'],
      required: node.required === true,
      schemaPointer: schema.pointer,
      schema: schema.node,
    };
  });
}

function resolveSecurity(doc: Json, requirements: Json[], makeError: MakeError): Credential[][] {
  const schemes = ((doc.components as Json | undefined)?.securitySchemes ?? {}) as Json;
  return requirements.map((requirement) =>
    Object.keys(requirement).map((scheme) => {
      const def = schemes[scheme] as Json | undefined;
      if (def?.type !== 'apiKey' || typeof def.name !== 'string') {
        throw makeError(
          `security scheme "${scheme}" must be a defined apiKey scheme`,
          '/components/securitySchemes',
        );
      }
      return { scheme, in: def.in as Credential['in'], name: def.name };
    }),
  );
}

function resolveBody(doc: Json, op: Json, opPointer: string, makeError: MakeError) {
  const body = resolveRef(doc, op.requestBody, joinPointer(opPointer, 'requestBody'));
  const media = (body.node?.content as Json | undefined)?.['application/json'] as Json | undefined;
  if (!media?.schema)
    throw makeError('the operation needs an application/json request body schema', opPointer);
  const mediaPointer = joinPointer(body.pointer, 'content', 'application/json');
  return {
    bodyPointer: joinPointer(mediaPointer, 'schema'),
    bodyRequired: body.node.required === true,
    requestExamples: resolveExamples(doc, media, mediaPointer),
  };
}

function resolveExamples(doc: Json, media: Json, mediaPointer: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries((media.examples ?? {}) as Json)) {
    out[name] = resolveRef(doc, raw, joinPointer(mediaPointer, 'examples', name)).node.value;
  }
  if (Object.keys(out).length === 0 && 'example' in media) out.example = media.example;
  return out;
}

function resolveResponses(doc: Json, op: Json, opPointer: string): Record<number, ResponseInfo> {
  const out: Record<number, ResponseInfo> = {};
  for (const [status, raw] of Object.entries((op.responses ?? {}) as Json)) {
    const { node, pointer } = resolveRef(doc, raw, joinPointer(opPointer, 'responses', status));
    const content: ResponseInfo['content'] = {};
    for (const [type, media] of Object.entries((node.content ?? {}) as Json)) {
      const mediaPointer = joinPointer(pointer, 'content', type);
      content[type] = {
        schemaPointer: resolveRef(doc, (media as Json).schema, joinPointer(mediaPointer, 'schema')).pointer,
        examples: resolveExamples(doc, media as Json, mediaPointer),
      };
    }
    out[Number(status)] = { status: Number(status), description: String(node.description ?? ''), content };
  }
  return out;
}
