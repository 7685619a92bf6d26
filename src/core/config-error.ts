/**
 * The one error for bad configuration: a spec, fixtures or pact file that cannot be used, or a command called
 * the wrong way. The message is one line naming the file (and line or field, where known); the CLI catches it
 * once, at its edge, prints it and exits 2. Everything else thrown is a bug.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
