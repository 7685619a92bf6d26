/**
 * The `Prefer` header (RFC 7240) as Prism reads it: `code=<status>`, `example=<name>`, `dynamic=true|false`, and,
 * beyond Prism, `delay=<ms>`. Unknown preferences are ignored, as RFC 7240 section 2 asks.
 */
export interface Preferences {
  readonly code?: number;
  readonly example?: string;
  readonly dynamic?: boolean;
  readonly delay?: number;
}

/** The longest delay a request may ask for, so a typo cannot hang a test run. */
export const maxDelayMs = 60_000;

export type PreferResult = { ok: true; value: Preferences } | { ok: false; message: string };

const none: PreferResult = { ok: true, value: {} };

/** Parses a `Prefer` header value; a malformed known preference is an error naming it. */
export function parsePrefer(header: string | undefined): PreferResult {
  if (!header) return none;
  const out: { code?: number; example?: string; dynamic?: boolean; delay?: number } = {};
  // Preferences are separated by commas; parameters of one preference by semicolons (treated alike here).
  for (const part of header.split(/[,;]/)) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const raw = eq < 0 ? '' : part.slice(eq + 1).trim();
    const value = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw;
    switch (name) {
      case 'code':
        if (!/^[1-5][0-9]{2}$/.test(value)) return bad('code', value, 'an HTTP status such as 404');
        out.code = Number(value);
        break;
      case 'example':
        if (value === '') return bad('example', value, 'the name of one of the spec’s examples');
        out.example = value;
        break;
      case 'dynamic':
        if (value !== 'true' && value !== 'false') return bad('dynamic', value, 'true or false');
        out.dynamic = value === 'true';
        break;
      case 'delay':
        if (!/^[0-9]{1,6}$/.test(value) || Number(value) > maxDelayMs) {
          return bad('delay', value, `a number of milliseconds from 0 to ${maxDelayMs}`);
        }
        out.delay = Number(value);
        break;
    }
  }
  return { ok: true, value: out };
}

function bad(name: string, value: string, expected: string): PreferResult {
  return { ok: false, message: `Prefer: ${name}=${value} is not valid; ${name} must be ${expected}.` };
}
