import { join, resolve } from 'node:path';
import { providerName } from '../core/record/pact-names.ts';
import { packageRoot } from '../node/package-root.ts';

/** The pacticipant name of the typed client in `src/core/client/`. */
export const consumerName = 'ocpi-location-kit-client';

export { providerName };

/** Where the project's committed pacts live. */
export const projectPactsDir: string = join(packageRoot, 'contracts/pacts');

/** The project's pact file, named the way pact-js names it. */
export const projectPactFile: string = resolve(projectPactsDir, `${consumerName}-${providerName}.json`);
