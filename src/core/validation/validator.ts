import type { ErrorObject } from 'ajv';
import { joinPointer } from '../openapi/pointer.ts';
import { projectSpec } from '../openapi/project-spec.ts';
import type { Spec } from '../openapi/spec.ts';
import { issuesFromErrors } from './ajv-issues.ts';
import { compileSchemas } from './compile.ts';
import { describeValue, listValues } from './describe.ts';
import { createIssue } from './issue.ts';
import { createIssueMemo } from './issue-context.ts';
import { readOcpiNames, reviseOcpiNames } from './ocpi-names.ts';
import { createOcpiRules } from './ocpi-rules.ts';
import { parseJson } from './parse-json.ts';
import { schemaSpecError } from './schema-error.ts';
import { createSuggester } from './suggest.ts';
import type {
  BodyResult,
  EnumForm,
  Issue,
  ParseOptions,
  ParseResult,
  RequestInputs,
  ValidateOptions,
} from './types.ts';
import { parameterKey } from './validator-sources.ts';
import { buildShape, walkPayload } from './walk.ts';

/** The validation core: compiled once from the spec, shared by the CLI, the mock and the browser page. */
export interface Validator {
  readonly spec: Spec;
  /** Validates a parsed request body: schema errors, unknown properties, OCPI rules and the enum form used. */
  validateBody(data: unknown, options?: ValidateOptions): BodyResult;
  /** Parses a JSON text; a syntax error becomes an issue pointing at the request body in the spec. */
  parseBody(text: string, options?: ParseOptions): ParseResult;
  /** Validates path and query parameters against their schemas in the spec (credentials are not checked here). */
  validateInputs(inputs: RequestInputs): Issue[];
}

const severityOrder = { error: 0, warning: 1, info: 2 } as const;

/** A hostile body (100k bad array items) must not cost seconds: issues past these bounds are only counted. */
const maxIssues = 500;
const maxAjvErrors = 5000;

function firstErrors<T>(errors: T[] | null | undefined): T[] {
  return (errors ?? []).slice(0, maxAjvErrors);
}

/** Partner-facing words for a failed parameter keyword; ajv's own ("must NOT have fewer than 1 characters") read poorly. */
function parameterAdvice(error: ErrorObject | undefined): string {
  const limit = Number(error?.params.limit);
  if (error?.keyword === 'minLength')
    return limit === 1 ? 'must not be empty' : `must be at least ${limit} characters long`;
  if (error?.keyword === 'maxLength') return `must be at most ${limit} characters long`;
  return error?.message ?? 'is not valid';
}

/** The validator of a spec; by default the project's openapi.yaml, from generated code and data (nothing compiled, no file read). */
export function createValidator(spec: Spec = projectSpec()): Validator {
  let compiled: ReturnType<typeof compileSchemas>;
  try {
    compiled = compileSchemas(spec);
  } catch (error) {
    throw schemaSpecError(spec, error);
  }
  spec.markSchemasChecked();
  const { bodyPointer } = spec.operation;
  const shape = buildShape(spec.doc, bodyPointer);
  const ocpiNames = readOcpiNames(spec.doc, bodyPointer);
  const mediaPointer = bodyPointer.replace(/\/schema$/, '');
  // Every cache of this validator is its own: two validators (two mocks) in one process share nothing.
  const suggest = createSuggester();
  const memo = createIssueMemo(suggest);
  const checkOcpiRules = createOcpiRules(suggest);

  const validateBody = (data: unknown, options: ValidateOptions = {}): BodyResult => {
    const strict = options.strict === true;
    // Hot path: one ajv pass over the closed schema settles most valid bodies; the walk then only counts enums.
    const clean = compiled.clean(data);
    const context = { doc: spec.doc, strict, memo };
    const issues =
      clean || compiled.body(data) ? [] : issuesFromErrors(firstErrors(compiled.body.errors), context);
    const walk = walkPayload(data, shape, !clean, suggest);
    if (walk.unknown.length > 0) issues.push(...reviseOcpiNames(walk.unknown, data, ocpiNames, strict));
    const crossField = checkOcpiRules(data, strict);
    if (crossField.length > 0) issues.push(...crossField);
    const enumForm: EnumForm =
      walk.names && walk.numbers ? 'mixed' : walk.names ? 'names' : walk.numbers ? 'numbers' : 'none';
    if (enumForm === 'mixed') {
      issues.push(
        createIssue({
          severity: 'warning',
          code: 'mixed-enum-forms',
          specPointer: bodyPointer,
          message: `the body mixes enum names (${walk.names}) and int32 indexes (${walk.numbers}); pick one form`,
          location: 'body',
        }),
      );
    }
    if (issues.length === 0) return { ok: true, issues, errors: 0, warnings: 0, enumForm };
    issues.sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
    const errors = issues.filter((issue) => issue.severity === 'error').length;
    const warnings = issues.filter((issue) => issue.severity === 'warning').length;
    const truncated = (compiled.body.errors?.length ?? 0) > maxAjvErrors;
    if (issues.length > maxIssues || truncated) {
      const left = issues.length - maxIssues;
      issues.length = Math.min(issues.length, maxIssues);
      issues.push(
        createIssue({
          severity: 'info',
          code: 'too-many-issues',
          specPointer: bodyPointer,
          message: `${truncated ? 'more than ' : ''}${Math.max(left, 0)} further issues are not listed; fix these first`,
          location: 'body',
        }),
      );
    }
    return { ok: errors === 0, issues, errors, warnings, enumForm };
  };

  const parseBody = (text: string, options?: ParseOptions): ParseResult => {
    const parsed = parseJson(text, options);
    if (!parsed.ok) parsed.issue.specPointer = mediaPointer;
    return parsed;
  };

  const validateInputs = (inputs: RequestInputs): Issue[] => {
    const issues: Issue[] = [];
    for (const parameter of spec.operation.parameters) {
      if (parameter.in !== 'path' && parameter.in !== 'query') continue;
      const raw = parameter.in === 'path' ? inputs.path?.[parameter.name] : inputs.query?.[parameter.name];
      const where = `${parameter.in} parameter ${parameter.name}`;
      const base = { instancePath: `/${parameter.name}`, location: parameter.in } as const;
      if (raw === undefined) {
        if (parameter.required) {
          issues.push(
            createIssue({
              ...base,
              code: 'required',
              specPointer: parameter.schemaPointer.replace(/\/schema$/, '/required'),
              message: `${where} is missing`,
            }),
          );
        }
        continue;
      }
      if (Array.isArray(raw)) {
        issues.push(
          createIssue({
            ...base,
            code: 'duplicate-parameter',
            specPointer: parameter.schemaPointer,
            message: `${where} is given ${raw.length} times; send it once`,
          }),
        );
        continue;
      }
      const check = compiled.parameters.get(parameterKey(parameter));
      if (check && !check(raw)) {
        const allowed = parameter.schema.enum as string[] | undefined;
        const issue = createIssue({
          ...base,
          code: allowed ? 'enum' : (check.errors?.[0]?.keyword ?? 'invalid'),
          specPointer: joinPointer(parameter.schemaPointer, check.errors?.[0]?.keyword ?? ''),
          message: allowed
            ? `${where} must be ${listValues(allowed)}; got ${describeValue(raw)}`
            : `${where} ${parameterAdvice(check.errors?.[0])}; got ${describeValue(raw)}`,
        });
        if (allowed) issue.allowedValues = allowed;
        issues.push(issue);
      }
    }
    return issues;
  };

  return { spec, validateBody, parseBody, validateInputs };
}
