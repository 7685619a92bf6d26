/** A path template of the spec (`/integrations/{integrationId}/locations`), compiled once. */
export interface PathTemplate {
  readonly template: string;
  /** The names of its parameters, in order. */
  readonly names: readonly string[];
  /**
   * The parameters of a request path as sent (not yet percent-decoded), decoded; `undefined` when the path is
   * not one of this template's. A malformed percent-encoding is kept as sent, as Hono and most servers do.
   */
  match(path: string): Record<string, string> | undefined;
}

const parameter = /\{([^}]+)\}/g;

/** Compiles a path template into the one matcher every entrance of the mock and the pact comparison use. */
export function compilePathTemplate(template: string): PathTemplate {
  const names = [...template.matchAll(parameter)].map((match) => match[1] as string);
  const literal = template.split(parameter).filter((_, i) => i % 2 === 0);
  const pattern = new RegExp(`^${literal.map(escapeRegExp).join('([^/]+)')}$`);
  return {
    template,
    names,
    match(path) {
      const found = pattern.exec(path);
      if (!found) return undefined;
      const params: Record<string, string> = {};
      for (let i = 0; i < names.length; i++) params[names[i] as string] = decodeSegment(found[i + 1] ?? '');
      return params;
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Decodes a path segment (RFC 3986 section 2.1); runs of escapes that do not decode stay as they are. */
function decodeSegment(raw: string): string {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}
