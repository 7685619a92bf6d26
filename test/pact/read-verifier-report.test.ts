import { describe, expect, it } from 'vitest';
import { readVerifierReport, stripAnsi } from '../../src/pact/read-verifier-report.ts';

const bold = (text: string) => `\x1b[1m${text}\x1b[0m`;
const pendingNotice =
  "This pact is in pending state for this version of emabler-add-location because a successful verification result for a version of emabler-add-location from branch 'main' has not yet been published.";
const wipNotice =
  "This pact is being verified because it is a 'work in progress' pact (ie. it is still in pending state).";
const failedError = (consumer: string, description: string) => ({
  interaction: `Verifying a pact between ${consumer} and emabler-add-location Given a state - ${description}`,
  mismatch: { type: 'mismatches', mismatches: [{ mismatch: 'expected 201 but was 404' }] },
});

/** A report shaped as pact-core 19.2's verifier writes it, for two pacts of one interaction each. */
function report(options: { pendingError?: boolean; error?: boolean; secondNotices?: string[] } = {}) {
  return JSON.stringify({
    result: !options.error,
    notices: [],
    output: [
      'The pact at http://broker/pacts/1 is being verified because it matches the following criteria:\n    * latest version from the main branch',
      `\nVerifying a pact between ${bold('web-main')} and ${bold('emabler-add-location')}`,
      '',
      '  add a site (12ms loading, 30ms verification)',
      '     Given a state',
      '    returns a response which',
      '      has status code 200 (OK)',
      '',
      ...(options.secondNotices ?? [pendingNotice]),
      `\nVerifying a pact between ${bold('web-next')} and ${bold('emabler-add-location')}`,
      '',
      '  add a site twice (12ms loading, 20ms verification)',
      '     Given a state',
      '      has status code 201 (FAILED)',
      '',
    ],
    interactionResults: [
      { description: 'add a site', result: 'OK' },
      { description: 'add a site twice', result: options.pendingError || options.error ? 'Error' : 'OK' },
    ],
    errors: options.error ? [failedError('web-next', 'add a site twice')] : [],
    pendingErrors: options.pendingError ? [failedError('web-next', 'add a site twice')] : [],
  });
}

describe("reading the verifier's report", () => {
  it('gives each interaction its consumer, and each pact the notices printed before it', () => {
    const result = readVerifierReport(report(), true);
    expect(result.interactions.map((i) => [i.consumer, i.description, i.ok])).toEqual([
      ['web-main', 'add a site', true],
      ['web-next', 'add a site twice', true],
    ]);
    expect(result.pacts.map((p) => [p.consumer, p.provider, p.notices])).toEqual([
      [
        'web-main',
        'emabler-add-location',
        [
          'The pact at http://broker/pacts/1 is being verified because it matches the following criteria:\n    * latest version from the main branch',
        ],
      ],
      ['web-next', 'emabler-add-location', [pendingNotice]],
    ]);
    expect(result.ok).toBe(true);
  });

  it('marks a pending pact’s failure pending, and passes the run', () => {
    const result = readVerifierReport(report({ pendingError: true }), true);
    expect(result.interactions[1]).toMatchObject({
      ok: false,
      pending: true,
      mismatches: ['expected 201 but was 404'],
    });
    expect(result.failures).toEqual([]);
    expect(result.pendingFailures).toHaveLength(1);
    expect(result.ok).toBe(true);
  });

  it('fails the run on a failure the verifier did not call pending, whatever the notices say', () => {
    const result = readVerifierReport(report({ error: true }), false);
    expect(result.interactions[1]).toMatchObject({ ok: false, pending: false });
    expect(result.ok).toBe(false);
  });

  it('marks the interactions of a work-in-progress pact', () => {
    const result = readVerifierReport(report({ secondNotices: [wipNotice] }), true);
    expect(result.interactions.map((i) => [i.wip, i.pending])).toEqual([
      [false, false],
      [true, true],
    ]);
  });

  it('keeps a reason when pact-core gave words instead of a report', () => {
    const result = readVerifierReport('pactBrokerUrl requires one of the following properties', false);
    expect(result).toMatchObject({
      ok: false,
      interactions: [],
      reason: 'pactBrokerUrl requires one of the following properties',
    });
  });

  it('strips colour codes', () => {
    expect(stripAnsi(`has status code ${bold('200')} (\x1b[32mOK\x1b[0m)`)).toBe('has status code 200 (OK)');
  });
});
