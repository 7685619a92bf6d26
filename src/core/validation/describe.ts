// Words for values and places in messages that partners read.
import { splitPointer } from '../openapi/pointer.ts';

/** `/openingTimes/regularHours/0/periodEnd` → `openingTimes.regularHours[0].periodEnd`; `''` → `the body`. */
export function label(instancePath: string): string {
  if (instancePath === '') return 'the body';
  let out = '';
  for (const token of splitPointer(instancePath)) {
    out += /^\d+$/.test(token) ? `[${token}]` : `${out === '' ? '' : '.'}${token}`;
  }
  return out;
}

/** A short, typed rendering of a JSON value: `the string "x"`, `the number 5`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  switch (typeof value) {
    case 'string':
      return `the string ${quote(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `the boolean ${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** JSON-quotes a string, shortened to 60 characters. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

const articles: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

/** `['string', 'null']` → `a string or null`. */
export function describeTypes(types: string | readonly string[]): string {
  const list = (Array.isArray(types) ? types : [types]) as string[];
  return listValues(list.map((type) => articles[type] ?? type));
}

/** Lists values for a message: `A, B or C`. */
export function listValues(values: readonly unknown[]): string {
  const text = values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
  return text.length < 2 ? text.join('') : `${text.slice(0, -1).join(', ')} or ${text.at(-1)}`;
}
