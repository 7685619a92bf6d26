import { readFileSync } from 'node:fs';
import { projectPactFile } from '../../src/pact/participants.ts';
import type { OfferedPact } from './broker-stand-in.ts';

/** The project's pact, as a consumer publishes it. */
export const kitPact = JSON.parse(readFileSync(projectPactFile, 'utf8')) as {
  consumer: { name: string };
  interactions: { description: string; response: Record<string, unknown> }[];
};

/** A partner's pact whose one interaction expects a status the mock never sends. */
export const partnerPact = (consumer: string) => ({
  ...kitPact,
  consumer: { name: consumer },
  interactions: [
    {
      ...kitPact.interactions[0],
      description: 'an unknown integration answered 201',
      response: { status: 201 },
    },
  ],
});

// The broker's own wording (pact_broker's verifiable_pact_messages).
/** Why a pact was selected. */
export const selected =
  'The pact at http://broker/pacts/1 is being verified because the pact content belongs to the consumer version matching the following criterion:\n    * latest version from the main branch';
/** A pending pact's notice. */
export const pending =
  "This pact is in pending state for this version of emabler-add-location because a successful verification result for a version of emabler-add-location from branch 'main' has not yet been published. If this verification fails, it will not cause the overall build to fail.";
/** A work-in-progress pact's notice. */
export const wip =
  "This pact is being verified because it is a 'work in progress' pact (ie. it is the pact for the latest version of web-wip from branch 'feat-x' and is still in pending state).";

/** The kit's pact (selected by its main branch), a pending partner pact that breaks, and a WIP pact. */
export const offers: OfferedPact[] = [
  { consumer: kitPact.consumer.name, pact: kitPact, notices: [selected] },
  { consumer: 'web-pending', pact: partnerPact('web-pending'), pending: true, notices: [pending] },
  { consumer: 'web-wip', pact: { ...kitPact, consumer: { name: 'web-wip' } }, wip: true, notices: [wip] },
];
