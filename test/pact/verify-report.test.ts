import { describe, expect, it } from 'vitest';
import { summary } from '../../src/pact/verify-report.ts';

const failed = (interaction: string) =>
  summary(
    {
      ok: false,
      interactions: [{ description: 'x', ok: false, pending: false, wip: false, mismatches: [] }],
      pacts: [],
      failures: [{ interaction, mismatches: ['expected 200 but was 404'] }],
      pendingFailures: [],
      output: [],
    },
    'http://127.0.0.1:4010',
  );

describe('verify summary', () => {
  it.each([
    [
      'Verifying a pact between partner-portal and emabler-add-location Given a partner integration exists - add a site',
      '  - Given a partner integration exists - add a site: expected 200 but was 404',
    ],
    [
      'Verifying a pact between partner-portal and emabler-add-location - add a site',
      '  - add a site: expected 200 but was 404',
    ],
  ])('names a failed interaction by its state and description only (%s)', (interaction, line) => {
    expect(failed(interaction).split('\n')).toContain(line);
  });
});
