import type { ErrorObject } from 'ajv';
import { getAtPointer, joinPointer } from '../openapi/pointer.ts';
import { describeTypes, describeValue, label, listValues } from './describe.ts';
import { enumUnionIssue } from './enum-issue.ts';
import { createIssue } from './issue.ts';
import type { ErrorContext, Origin } from './issue-context.ts';
import { pointerOfSchema } from './schema-docs.ts';
import type { Issue } from './types.ts';

type Json = Record<string, unknown>;

/** Turns every ajv error into an issue, folding the noise of `anyOf` (enum forms, nullables) into one issue. */
export function issuesFromErrors(errors: readonly ErrorObject[], context: ErrorContext): Issue[] {
  const suppressed = new Set<ErrorObject>();
  // A folded issue is emitted where the first error of its group sits, so issues keep ajv's (schema) order.
  const folded = new Map<ErrorObject, Issue>();
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const list = byPath.get(error.instancePath);
    if (list) list.push(error);
    else byPath.set(error.instancePath, [error]);
  }
  for (const error of errors) {
    // 1.5 fails both `type: integer` and `format: int32`: the type error alone says what to fix.
    if (error.keyword === 'format' && byPath.get(error.instancePath)?.some((o) => o.keyword === 'type'))
      suppressed.add(error);
    if (error.keyword !== 'anyOf') continue;
    const branches = ((error.parentSchema as Json).anyOf ?? []) as Json[];
    const siblings = byPath.get(error.instancePath) ?? [];
    const inBranch = (other: ErrorObject) => branches.includes(other.parentSchema as Json);
    const origin = originOf(error, context);
    if (origin.ocpi) {
      // PublishToken: "at least one of uid, visualNumber or groupId" (OCPI 2.2.1 section 8.4.23).
      fold(error, siblings.filter(inBranch), anyOfRequiredIssue(error, branches, origin, context.strict));
    } else if (branches.some((branch) => branch.type === 'null')) {
      suppressed.add(error);
      for (const other of siblings)
        if (branches.find((b) => b.type === 'null') === other.parentSchema) suppressed.add(other);
    } else if (branches.every((branch) => Array.isArray(branch.enum))) {
      const nullable = siblings.some(
        (other) => other.keyword === 'type' && (other.parentSchema as Json).type === 'null',
      );
      fold(error, siblings.filter(inBranch), enumUnionIssue(error, branches, nullable, context));
    }
  }
  const issues: Issue[] = [];
  const emitted = new Set<Issue>();
  for (const error of errors) {
    const issue = folded.get(error);
    if (issue) {
      if (!emitted.has(issue)) issues.push(issue);
      emitted.add(issue);
    } else if (!suppressed.has(error)) {
      issues.push(issueFromError(error, originOf(error, context), context.strict));
    }
  }
  return issues;

  function fold(error: ErrorObject, members: ErrorObject[], issue: Issue): void {
    for (const member of [...members, error]) {
      suppressed.add(member);
      folded.set(member, issue);
    }
  }
}

/**
 * Where an error's schema node lives and whether it is an OCPI rule depends only on that node and the keyword
 * (and, for `required`, the property): remembered per node, since an invalid body repeats the same few.
 */
function originOf(error: ErrorObject, context: ErrorContext): Origin {
  const node = error.parentSchema as object | undefined;
  if (typeof node !== 'object' || node === null) return findOrigin(error, context);
  const key =
    error.keyword === 'required' ? `required:${String(error.params.missingProperty)}` : error.keyword;
  let known = context.memo.origins.get(node);
  if (!known) {
    known = new Map();
    context.memo.origins.set(node, known);
  }
  let origin = known.get(key);
  if (!origin) {
    origin = findOrigin(error, context);
    known.set(key, origin);
  }
  return origin;
}

function findOrigin(error: ErrorObject, context: ErrorContext): Origin {
  const pointer = pointerOfSchema(error.parentSchema) ?? '';
  const inRule = /^(.*)\/x-ocpi\/rule(\/|$)/.exec(pointer);
  if (inRule) {
    const note = getAtPointer(context.doc, `${inRule[1]}/x-ocpi`) as OcpiNote | undefined;
    return { pointer, ocpi: true, keywordPointer: joinPointer(pointer, error.keyword), see: note?.see };
  }
  const original = getAtPointer(context.doc, pointer) as Json | undefined;
  const ocpiNote = original?.['x-ocpi'] as OcpiNote | undefined;
  const rule = ocpiNote?.rule;
  let ocpi = rule !== undefined && error.keyword in rule;
  if (ocpi && error.keyword === 'required') {
    ocpi = !((original?.required ?? []) as string[]).includes(String(error.params.missingProperty));
  }
  const keywordPointer = ocpi
    ? `${pointer}/x-ocpi/rule/${error.keyword}`
    : joinPointer(pointer, error.keyword);
  return ocpi
    ? { pointer, ocpi, keywordPointer, see: ocpiNote?.see, hint: ocpiNote?.hint }
    : { pointer, ocpi, keywordPointer };
}

/** The `x-ocpi` vendor extension of openapi.yaml. */
interface OcpiNote {
  readonly see?: string;
  readonly hint?: string;
  readonly rule?: Json;
}

function issueFromError(error: ErrorObject, origin: Origin, strict: boolean): Issue {
  const params = error.params as Json;
  let instancePath = error.instancePath;
  let missing: string | undefined;
  if (error.keyword === 'required' || error.keyword === 'dependentRequired') {
    missing = String(params.missingProperty);
    instancePath = joinPointer(instancePath, missing);
  }
  const issue = createIssue({
    severity: origin.ocpi && !strict ? 'warning' : 'error',
    code: origin.ocpi ? `ocpi-${kebab(error.keyword)}` : kebab(error.keyword),
    instancePath,
    specPointer: origin.keywordPointer,
    message: messageFor(error, label(instancePath), missing, origin.hint),
    location: 'body',
  });
  if (origin.ocpi && origin.see) issue.message += ` (${origin.see})`;
  if (error.keyword === 'enum') issue.allowedValues = params.allowedValues as Issue['allowedValues'];
  return issue;
}

const surrogatePairs = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

function messageFor(error: ErrorObject, where: string, missing: string | undefined, hint?: string): string {
  const params = error.params as Json;
  const data = error.data;
  switch (error.keyword) {
    case 'type': {
      const hint =
        params.type === 'string' && typeof data === 'number' ? `; send it as a string: "${data}"` : '';
      return `${where} must be ${describeTypes(params.type as string)}; got ${describeValue(data)}${hint}`;
    }
    case 'required':
      return `${where} is missing`;
    case 'dependentRequired':
      return `${where} is missing; it must accompany ${String(params.property)}`;
    case 'enum':
      return `${where} must be one of ${listValues(params.allowedValues as unknown[])}; got ${describeValue(data)}`;
    case 'const':
      return `${where} must be ${JSON.stringify(params.allowedValue)}; got ${describeValue(data)}`;
    case 'format':
      return `${where} ${formatAdvice(String(params.format))}; got ${describeValue(data)}`;
    case 'pattern':
      return hint
        ? `${where} must be ${hint}; got ${describeValue(data)}`
        : `${where} must match ${String(params.pattern)}; got ${describeValue(data)}`;
    case 'maxLength':
    case 'minLength': {
      // Code points, counted without spreading the string into an array (a 900 KB name took 50 ms that way).
      const length = typeof data === 'string' ? data.length - (data.match(surrogatePairs)?.length ?? 0) : 0;
      const bound = error.keyword === 'maxLength' ? 'at most' : 'at least';
      return `${where} must be ${bound} ${String(params.limit)} characters long; it is ${length}`;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${where} must be ${comparisons[String(params.comparison)] ?? params.comparison} ${String(params.limit)}; got ${describeValue(data)}`;
    case 'minItems':
    case 'maxItems':
      return `${where} must have ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${String(params.limit)} items`;
    default:
      return `${where} ${error.message ?? 'is not valid'}${missing ? ` (${missing})` : ''}`;
  }
}

const comparisons: Record<string, string> = {
  '<=': 'at most',
  '>=': 'at least',
  '<': 'less than',
  '>': 'more than',
};

function formatAdvice(format: string): string {
  switch (format) {
    case 'uri':
      return 'must be an absolute URI, e.g. "https://example.fi/logo.png"';
    case 'date-time':
      return 'must be an RFC 3339 date-time, e.g. "2026-12-24T18:00:00Z"';
    case 'int32':
      return 'must be a 32-bit integer (-2147483648 to 2147483647)';
    default:
      return `must be a valid ${format}`;
  }
}

function anyOfRequiredIssue(error: ErrorObject, branches: Json[], origin: Origin, strict: boolean): Issue {
  const options = branches.flatMap((branch) => (branch.required ?? []) as string[]);
  return createIssue({
    severity: strict ? 'error' : 'warning',
    code: 'ocpi-any-of-required',
    instancePath: error.instancePath,
    specPointer: origin.keywordPointer,
    message: `${label(error.instancePath)} needs at least one of ${listValues(options)}${origin.see ? ` (${origin.see})` : ''}`,
    location: 'body',
  });
}

function kebab(keyword: string): string {
  return keyword.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
