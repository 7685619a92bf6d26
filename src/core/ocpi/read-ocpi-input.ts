// Reads the shapes OCPI Location data comes in: one Location, a JSON array of them, an OCPI response envelope
// (OCPI 2.2.1 section 4.1.7: `{ "data": ..., "status_code": 1000, ... }`, as `GET /locations` answers) or
// NDJSON, one Location per line. Browser-safe.
import { parseJson } from '../validation/parse-json.ts';

/** How the input held its locations. */
export type OcpiInputForm = 'object' | 'array' | 'envelope' | 'ndjson';

/** The locations of an input, or the one reason it holds none that can be read. */
export type OcpiInput =
  | { readonly ok: true; readonly form: OcpiInputForm; readonly locations: unknown[]; readonly many: boolean }
  | { readonly ok: false; readonly message: string };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Whether a value is an OCPI response envelope: `data` beside a numeric `status_code`. */
export function isOcpiEnvelope(value: unknown): value is Json {
  return isObject(value) && 'data' in value && typeof value.status_code === 'number';
}

/**
 * Reads OCPI input text. `many` is true for an array, an envelope whose `data` is an array, and NDJSON: their
 * bodies come out as an array even when there is one. A text that is not JSON is one message with the place.
 */
export function readOcpiInput(text: string): OcpiInput {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { ok: false, message: 'the input is empty; expected OCPI Location JSON' };
  const whole = parseJson(source);
  if (whole.ok) return fromValue(whole.value);
  const lines = source.split(/\r?\n/);
  const filled = lines.map((line, i) => ({ line, number: i + 1 })).filter(({ line }) => line.trim() !== '');
  const first = filled[0] ? parseJson(filled[0].line) : undefined;
  // NDJSON: several lines, the first of them JSON on its own.
  if (filled.length > 1 && first?.ok) {
    const locations: unknown[] = [];
    for (const { line, number } of filled) {
      const parsed = parseJson(line);
      if (!parsed.ok) {
        const reason = parsed.issue.message.replace(/^the body is not valid JSON( at line \d+,)?/, '');
        return { ok: false, message: `line ${number} of the NDJSON input is not JSON${reason}` };
      }
      locations.push(parsed.value);
    }
    return { ok: true, form: 'ndjson', locations, many: true };
  }
  return { ok: false, message: whole.issue.message.replace(/^the body\b/, 'the input') };
}

function fromValue(value: unknown): OcpiInput {
  // An input with no Location is a mistake (the wrong file, an empty page), not a run that converted nothing.
  if (Array.isArray(value)) {
    if (value.length === 0)
      return { ok: false, message: 'the input is an empty array; it holds no OCPI Location' };
    return { ok: true, form: 'array', locations: value, many: true };
  }
  if (isOcpiEnvelope(value)) {
    const { data } = value;
    if (Array.isArray(data) && data.length === 0)
      return { ok: false, message: 'the OCPI response holds no Location (its data is an empty array)' };
    if (Array.isArray(data)) return { ok: true, form: 'envelope', locations: data, many: true };
    if (isObject(data)) return { ok: true, form: 'envelope', locations: [data], many: false };
    const status = `status_code ${value.status_code}${typeof value.status_message === 'string' ? ` (${value.status_message})` : ''}`;
    return {
      ok: false,
      message: `the OCPI response holds no Location (data is ${describe(data)}; ${status})`,
    };
  }
  if (isObject(value)) return { ok: true, form: 'object', locations: [value], many: false };
  return {
    ok: false,
    message: `expected an OCPI Location object, an array of them or an OCPI response; got ${describe(value)}`,
  };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
