import type { ProbeRequest } from './build-request.ts';

/** The placeholder a redacted secret becomes: a shell variable, so the command still runs once it is set. */
export const secretVariable = 'PROBE_SECRET';

/**
 * A curl command that sends the request again. Every secret is replaced by `$PROBE_SECRET` unless `showSecrets`;
 * a body that is not UTF-8 is written with the shell's `$'\xNN'` quoting, so the bytes stay the same.
 */
export function curlCommand(request: ProbeRequest, secrets: readonly string[], showSecrets: boolean): string {
  const hide = (text: string, encoded: boolean): { text: string; hidden: boolean } => {
    if (showSecrets) return { text, hidden: false };
    let out = text;
    for (const secret of secrets.filter((s) => s.length > 0)) {
      out = out.replaceAll(encoded ? encodeURIComponent(secret) : secret, '\u0000');
    }
    return { text: out, hidden: out !== text };
  };
  const arg = (text: string, encoded = false): string => {
    const { text: safe, hidden } = hide(text, encoded);
    if (!hidden) return quote(safe);
    // Double quotes let the shell expand the placeholder; everything else in them is escaped.
    return `"${safe.replace(/["\\$`]/g, '\\$&').replaceAll('\u0000', `$${secretVariable}`)}"`;
  };
  const parts = ['curl', '-sS', '-i', '-X', request.method, arg(request.url, true)];
  for (const [name, value] of request.headers) parts.push('-H', arg(`${name}: ${value}`));
  // curl labels a body as a form unless told otherwise; an empty `Content-Type:` sends none, as the probe did.
  if (request.body && !request.headers.some(([name]) => name === 'content-type'))
    parts.push('-H', "'Content-Type:'");
  if (request.body) parts.push('--data-binary', bodyArgument(request.body));
  return parts.join(' ');
}

function quote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

function bodyArgument(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return `$'${[...bytes].map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('')}'`;
  }
  return text === '' ? "''" : quote(text);
}
