/** One verified interaction, with the pact it came from and how the broker marked that pact. */
export interface VerifiedInteraction {
  readonly description: string;
  /** The consumer whose pact holds it (from the verifier's report; absent when the report did not say). */
  readonly consumer?: string;
  readonly ok: boolean;
  /** From a pending pact: a failure is reported but does not fail the run. */
  readonly pending: boolean;
  /** From a work-in-progress pact the broker included. */
  readonly wip: boolean;
  /** The verifier's mismatch messages, when it failed. */
  readonly mismatches: string[];
}

/** One pact as the verifier reported it, with the broker's notices (why it was selected, whether pending). */
export interface VerifiedPact {
  readonly consumer: string;
  readonly provider: string;
  readonly pending: boolean;
  readonly wip: boolean;
  readonly notices: string[];
}

/** The outcome: `ok` when every interaction passed or failed only as pending (and there was at least one). */
export interface VerifyResult {
  readonly ok: boolean;
  readonly interactions: VerifiedInteraction[];
  readonly pacts: VerifiedPact[];
  /** Each failed interaction that fails the run, named as the verifier names it, with its mismatches. */
  readonly failures: { readonly interaction: string; readonly mismatches: string[] }[];
  /** Failures of pending pacts: reported, not fatal (docs.pact.io/pending). */
  readonly pendingFailures: { readonly interaction: string; readonly mismatches: string[] }[];
  /** The verifier's own report, line by line, as it wrote it (with its colour codes). */
  readonly output: string[];
  /** Why the run failed when no interaction report exists (configuration, unreachable broker). */
  readonly reason?: string;
}

interface Report {
  result?: boolean;
  output?: string[];
  interactionResults?: { description?: string; result?: string }[];
  errors?: ReportError[];
  pendingErrors?: ReportError[];
}
interface ReportError {
  interaction?: string;
  mismatch?: { message?: string; mismatches?: { mismatch?: string }[] };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: SGR sequences start with the escape character.
const ansi = /\x1b\[[0-9;]*m/g;

/** The text without SGR colour codes. */
export function stripAnsi(text: string): string {
  return text.replace(ansi, '');
}

/**
 * pact-core resolves (or rejects) with the verifier's JSON report; anything else is a reason in words. The
 * report names no pact per interaction, so its `output` (the printed report) is read for that: each pact's block
 * starts "Verifying a pact between C and P", after the broker's notices for it, and lists its interactions in
 * the order of `interactionResults`.
 */
export function readVerifierReport(text: string, passed: boolean): VerifyResult {
  let report: Report;
  try {
    report = JSON.parse(text) as Report;
  } catch {
    const reason = passed ? 'the verifier gave no report' : text;
    return { ok: false, interactions: [], pacts: [], failures: [], pendingFailures: [], output: [], reason };
  }
  const output = (report.output ?? []).flatMap((line) => line.split('\n'));
  const results = report.interactionResults ?? [];
  const failures = (report.errors ?? []).map(toFailure);
  const pendingFailures = (report.pendingErrors ?? []).map(toFailure);
  const { pacts, owners } = readBlocks(
    output,
    results.map((r) => r.description ?? ''),
  );
  const interactions = results.map((r, index): VerifiedInteraction => {
    const description = r.description ?? '(unnamed interaction)';
    const pact = owners[index];
    const named = (f: { interaction: string }) =>
      f.interaction.endsWith(`- ${description}`) &&
      (!pact || f.interaction.startsWith(`Verifying a pact between ${pact.consumer} and`));
    const pendingFailure = pendingFailures.find(named);
    const failure = pendingFailure ?? failures.find(named);
    return {
      description,
      ...(pact ? { consumer: pact.consumer } : {}),
      ok: r.result === 'OK',
      // The verifier decides what fails the run: a failure is pending only when it says so.
      pending: pendingFailure !== undefined || (r.result === 'OK' && pact?.pending === true),
      wip: pact?.wip === true,
      mismatches: failure?.mismatches ?? [],
    };
  });
  const ok = passed && report.result !== false && failures.length === 0 && interactions.length > 0;
  return {
    ok,
    interactions,
    pacts,
    failures,
    pendingFailures,
    output,
    ...(interactions.length === 0 ? { reason: 'no interactions were verified' } : {}),
  };
}

function toFailure(error: ReportError): { interaction: string; mismatches: string[] } {
  return {
    interaction: error.interaction ?? '(unknown interaction)',
    mismatches: error.mismatch?.mismatches?.map((m) => m.mismatch ?? 'mismatch') ?? [
      error.mismatch?.message ?? 'failed',
    ],
  };
}

/** The pacts of the printed report with their notices, and the pact of each interaction (by result index). */
function readBlocks(
  output: string[],
  descriptions: string[],
): { pacts: VerifiedPact[]; owners: (VerifiedPact | undefined)[] } {
  const pacts: VerifiedPact[] = [];
  const owners: (VerifiedPact | undefined)[] = [];
  let notices: string[] = [];
  let current: VerifiedPact | undefined;
  let inNotice = false;
  for (const raw of output) {
    const line = stripAnsi(raw);
    const start = /^Verifying a pact between (.+) and (.+)$/.exec(line);
    if (start) {
      // The broker's wording (pact_broker's verifiable_pact_messages): "is in pending state", "work in progress".
      current = {
        consumer: start[1] as string,
        provider: (start[2] as string).replace(/\s*\[.*\]$/, ''),
        pending: notices.some((n) => /\bin pending state\b/i.test(n)),
        wip: notices.some((n) => /work in progress/i.test(n)),
        notices,
      };
      pacts.push(current);
      notices = [];
      inNotice = false;
      continue;
    }
    const next = descriptions[owners.length];
    if (current && next !== undefined && line.startsWith(`  ${next}`) && !line.startsWith('   ')) {
      owners.push(current);
      inNotice = false;
      continue;
    }
    if (line.trim() === '') {
      inNotice = false;
    } else if (!line.startsWith(' ')) {
      notices.push(line);
      inNotice = true;
    } else if (inNotice && notices.length > 0) {
      // A notice may go on over indented lines ("... the following criteria:\n    * from the main branch").
      notices[notices.length - 1] += `\n${line}`;
    }
  }
  return { pacts, owners };
}
