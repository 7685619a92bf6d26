import { ConfigError } from '../core/config-error.ts';

/** The native verifier `verify` needs; an optional peer dependency, so installs that only validate or mock skip it. */
export const pactCorePackage = '@pact-foundation/pact-core';

/** Loads pact-core on demand (its native binaries are 16 MB and a quarter of a second to load). */
// The return type is inferred: the CommonJS module arrives as the namespace's `default`.
export async function loadPactCore() {
  try {
    return await import('@pact-foundation/pact-core');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const missing = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
    if (!missing || !String((error as Error).message).includes(pactCorePackage)) throw error;
    // A configuration error: `verify` runs where the optional verifier is not installed. One line, exit 2.
    throw new ConfigError(
      `verify needs the optional dependency ${pactCorePackage}: npm i -D ${pactCorePackage}@19`,
    );
  }
}
