import { canonicalJson, shapeOf } from './canonical-json.ts';
import type { PactInteractionV4, PactV4 } from './pact-v4.ts';

/** The participants of a recorded pact. */
export interface Participants {
  readonly consumer: string;
  readonly provider: string;
}

/** Fixed metadata: no tool version, timestamp or random id, so the same traffic always writes the same bytes. */
const metadata = {
  pactSpecification: { version: '4.0' },
  'ocpi-location-kit': { recordedFrom: 'traffic' },
};

/**
 * The key two interactions are the same under: method, path, the query, `Accept` and `Content-Type`, the body's
 * shape (its names and types, not its values), the provider state and the status.
 */
export function interactionKey(interaction: PactInteractionV4): string {
  const { request, response } = interaction;
  const body = request.body;
  const shape =
    body === undefined ? 'none' : body.encoded ? `bytes ${body.contentType}` : shapeOf(body.content);
  return canonicalJson([
    request.method,
    request.path,
    request.query ?? {},
    request.headers?.accept ?? [],
    request.headers?.['content-type'] ?? [],
    shape,
    interaction.providerStates ?? [],
    response.status,
  ]);
}

/**
 * Adds an interaction to a set keyed by `interactionKey`, keeping of two alike the one whose canonical JSON sorts
 * first: which one is kept then depends only on the set of exchanges seen, not on their order.
 */
export function addInteraction(
  into: Map<string, PactInteractionV4>,
  interaction: PactInteractionV4,
): boolean {
  const key = interactionKey(interaction);
  const held = into.get(key);
  if (held && canonicalJson(held) <= canonicalJson(interaction)) return false;
  into.set(key, interaction);
  return held === undefined;
}

/**
 * The pact of a set of interactions: deduplicated, in a stable order (by name, then key), and with names made
 * unique by a number where two different requests share an outcome ("... (2)").
 */
export function finalisePact(participants: Participants, interactions: Iterable<PactInteractionV4>): PactV4 {
  const unique = new Map<string, PactInteractionV4>();
  for (const interaction of interactions) addInteraction(unique, interaction);
  const sorted = [...unique.entries()]
    .sort(([ka, a], [kb, b]) => compare(a.description, b.description) || compare(ka, kb))
    .map(([, interaction]) => interaction);
  const seen = new Map<string, number>();
  const named = sorted.map((interaction) => {
    const count = (seen.get(interaction.description) ?? 0) + 1;
    seen.set(interaction.description, count);
    return count === 1
      ? interaction
      : { ...interaction, description: `${interaction.description} (${count})` };
  });
  return {
    consumer: { name: participants.consumer },
    interactions: named,
    metadata,
    provider: { name: participants.provider },
  };
}

/** The bytes of a pact file: sorted keys, two-space indent, a final newline. */
export function pactText(pact: PactV4): string {
  return `${canonicalJson(pact, 2)}\n`;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
