// `validate` knows OCPI: a property that is the OCPI 2.2.1 name of a known property (`postal_code`,
// `regular_hours`, ...) is lost on the real API, so it is reported with its eMabler name and the consequence;
// strict mode makes it an error. Everything comes from the spec's `x-ocpi` annotations (ocpi-mapping.ts).
import { mappedObjects, type OcpiField, type OcpiObject, readOcpiMapping } from '../openapi/ocpi-mapping.ts';
import { joinPointer, splitPointer } from '../openapi/pointer.ts';
import { label } from './describe.ts';
import { createIssue } from './issue.ts';
import type { Issue } from './types.ts';

type Json = Record<string, unknown>;

/** The OCPI names of a spec's body, by object schema pointer. */
export interface OcpiNames {
  readonly root: OcpiObject;
  readonly byPointer: ReadonlyMap<string, OcpiObject>;
}

/** Root keys of OCPI's own (an OCPI name or an OCPI-only field) from which a body is an OCPI Location. */
const wholeLocationThreshold = 3;

/** Reads the OCPI names of the body schema at `bodyPointer`, once per spec. */
export function readOcpiNames(doc: Json, bodyPointer: string): OcpiNames {
  const root = readOcpiMapping(doc, bodyPointer);
  return { root, byPointer: new Map(mappedObjects(root).map((object) => [object.pointer, object])) };
}

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The field whose OCPI name `key` is, when that name differs from eMabler's. */
const renamed = (object: OcpiObject | undefined, key: string): OcpiField | undefined => {
  const field = object?.byOcpiName.get(key);
  return field && field.name !== key ? field : undefined;
};

/**
 * Replaces each unknown-property issue whose key is the OCPI name of a known property by an `ocpi-name`
 * issue, makes every unknown property an error under `strict`, adds the OCPI names inside its value, and one `ocpi-location` note when the
 * body as a whole looks like an OCPI Location. Other issues pass through unchanged.
 */
export function reviseOcpiNames(unknown: Issue[], data: unknown, names: OcpiNames, strict: boolean): Issue[] {
  const out: Issue[] = [];
  const severity = strict ? 'error' : 'warning';
  for (const issue of unknown) {
    const owner = names.byPointer.get(issue.specPointer.replace(/\/properties$/, ''));
    const tokens = splitPointer(issue.instancePath);
    const field = renamed(owner, tokens[tokens.length - 1] ?? '');
    if (!field) {
      // The API drops an unknown property without a word, so under `strict` a typo fails the check.
      out.push(strict ? { ...issue, severity } : issue);
      continue;
    }
    out.push(nameIssue(issue.instancePath, field, severity));
    const value = tokens.reduce<unknown>((node, token) => (node as Json | undefined)?.[token], data);
    inside(value, field, issue.instancePath, severity, out);
  }
  const whole = wholeLocationNote(data, names);
  if (whole) out.push(whole);
  return out;
}

const words = (ocpiName: string) => ocpiName.replaceAll('_', ' ');

function nameIssue(instancePath: string, field: OcpiField, severity: Issue['severity']): Issue {
  // "the postal code is lost", "the opening times are lost", "the publish allowed to list is lost".
  const named = words(field.ocpiName);
  const what = / (to|of|for|when)$/.test(named) ? `${named} list` : named;
  return {
    severity,
    code: 'ocpi-name',
    instancePath,
    specPointer: joinPointer(field.pointer, 'x-ocpi', 'name'),
    message: `${label(instancePath)} is the OCPI 2.2.1 name of ${field.name}; the API ignores it, so the ${what} ${/s$/.test(what) ? 'are' : 'is'} lost. Rename it to ${field.name}`,
    suggestion: field.name,
    location: 'body',
  };
}

/**
 * The OCPI names inside a value the API ignores, so that renaming the outer one is not the end of it. Each
 * name is reported once per value, where it first occurs, with how many more times it occurs.
 */
function inside(value: unknown, field: OcpiField, path: string, severity: Issue['severity'], out: Issue[]) {
  const seen = new Map<string, { issue: Issue; more: number }>();
  const visit = (node: unknown, outer: OcpiField, at: string): void => {
    const target = outer.target;
    if (!target) return;
    const items: Array<[unknown, string]> =
      outer.array && Array.isArray(node) ? node.map((item, i) => [item, joinPointer(at, i)]) : [[node, at]];
    for (const [item, itemPath] of items) {
      if (!isObject(item)) continue;
      for (const [key, child] of Object.entries(item)) {
        const nested = target.byOcpiName.get(key);
        if (!nested) continue;
        const childPath = joinPointer(itemPath, key);
        const known = seen.get(nested.pointer);
        if (known) known.more++;
        else if (nested.name !== key) {
          const issue = nameIssue(childPath, nested, severity);
          seen.set(nested.pointer, { issue, more: 0 });
          out.push(issue);
        }
        visit(child, nested, childPath);
      }
    }
  };
  visit(value, field, path);
  for (const { issue, more } of seen.values())
    if (more > 0)
      issue.message += ` (here and in ${more} more ${more === 1 ? 'place' : 'places'} of this value)`;
}

function wholeLocationNote(data: unknown, names: OcpiNames): Issue | undefined {
  if (!isObject(data)) return undefined;
  const note = (what: string): Issue =>
    createIssue({
      severity: 'info',
      code: 'ocpi-location',
      specPointer: joinPointer(names.root.pointer, 'x-ocpi'),
      message: `the body looks like ${what}, not an eMabler body; convert it with \`ocpi-location-kit from-ocpi\`, which renames what eMabler knows and reports what it drops`,
      location: 'body',
    });
  // OCPI 2.2.1 section 4.1.7: a response carries its payload in `data` beside a numeric `status_code`.
  if ('data' in data && typeof data.status_code === 'number')
    return note('an OCPI 2.2.1 response (data, status_code)');
  const own = Object.keys(data).filter((key) => renamed(names.root, key) || names.root.dropped.has(key));
  if (own.length < wholeLocationThreshold) return undefined;
  return note(`an OCPI 2.2.1 Location (${own.slice(0, 5).join(', ')}${own.length > 5 ? ', ...' : ''})`);
}
