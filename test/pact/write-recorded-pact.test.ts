import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PactInteractionV4 } from '../../src/core/record/pact-v4.ts';
import { writeRecordedPact } from '../../src/pact/write-recorded-pact.ts';

const participants = { consumer: 'fleet-app', provider: 'emabler-add-location' };
const interaction = (status: number, name: string): PactInteractionV4 => ({
  type: 'Synchronous/HTTP',
  description: `addLocation: ${status} for ${name}`,
  pending: false,
  request: {
    method: 'POST',
    path: '/integrations/recorded-integration/locations',
    headers: { accept: [name] },
  },
  response: { status },
});

describe('writeRecordedPact', () => {
  it('loses no interaction when eight workers write at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocpi-shards-'));
    const workers = Array.from({ length: 8 }, (_, i) => ({
      participants,
      interactions: () => [interaction(200, `worker ${i}`), interaction(401, 'everyone')],
    }));
    const paths = await Promise.all(
      workers.map((source, i) => writeRecordedPact(dir, source, `worker-${i}`)),
    );
    const pact = JSON.parse(readFileSync(paths[0] as string, 'utf8'));
    expect(pact.interactions.map((i: PactInteractionV4) => i.description)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `addLocation: 200 for worker ${i}`),
      'addLocation: 401 for everyone',
    ]);
  });

  it('writes the same bytes whichever worker finishes last', async () => {
    const write = async (order: number[]) => {
      const dir = mkdtempSync(join(tmpdir(), 'ocpi-shards-'));
      let path = '';
      for (const i of order)
        path = await writeRecordedPact(
          dir,
          { participants, interactions: () => [interaction(200, `w${i}`)] },
          `w${i}`,
        );
      return readFileSync(path, 'utf8');
    };
    expect(await write([2, 0, 1])).toBe(await write([0, 1, 2]));
  });
});
