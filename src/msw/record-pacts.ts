import type { Exchange } from '../core/exchange/exchange.ts';
import { projectSpec } from '../core/openapi/project-spec.ts';
import type { Spec } from '../core/openapi/spec.ts';
import { providerName } from '../core/record/pact-names.ts';
import { createPactRecorder, type PactRecorder, type RecordIssue } from '../core/record/pact-recorder.ts';
import { defaultBaseUrl, trimBase } from './base-url.ts';

/** The part of `setupServer()` and `setupWorker()` a recorder listens to: MSW's life-cycle events. */
export interface LifeCycleSource {
  readonly events: {
    on(event: 'request:start', listener: (args: { request: Request; requestId: string }) => void): void;
    on(
      event: 'response:mocked' | 'response:bypass',
      listener: (args: { request: Request; requestId: string; response: Response }) => void,
    ): void;
  };
}

/** Who the pact is between, and where the API's requests go. */
export interface RecordPactsOptions {
  readonly consumer: string;
  /** Default `emabler-add-location`, the name `verify` uses. */
  readonly provider?: string;
  /** The base URL the app's client uses; default the spec's first eMabler server, as `createMswHandlers`. */
  readonly baseUrl?: string;
  /** Default the package's openapi.yaml. */
  readonly spec?: Spec;
  /** Called at once for an exchange the spec would refuse; default one line on `console.error`. */
  readonly onIssue?: (issue: RecordIssue) => void;
}

/** A recorder fed by MSW: the pact as data anywhere, and in Node a file. */
export interface MswPactRecorder extends PactRecorder {
  /** Resolves when every exchange seen so far is recorded (bodies are read asynchronously). */
  settled(): Promise<void>;
  /**
   * Node only: writes `<dir>/<consumer>-<provider>.json`, merged with what parallel test workers recorded, checks
   * it with `compare`'s engine (each finding goes to `onIssue`), and resolves to its path.
   */
  write(dir: string): Promise<string>;
}

/** Records consumer pacts from the exchanges of an MSW `setupServer` or `setupWorker`. */
export function recordPacts(source: LifeCycleSource, options: RecordPactsOptions): MswPactRecorder {
  const spec = options.spec ?? projectSpec();
  const onIssue = options.onIssue ?? ((issue: RecordIssue) => console.error(issueLine(issue)));
  const recorder = createPactRecorder(spec, {
    consumer: options.consumer,
    provider: options.provider ?? providerName,
    onIssue,
  });
  const base = new URL(trimBase(options.baseUrl ?? defaultBaseUrl(spec)));
  const bodies = new Map<string, Promise<string>>();
  const pending = new Set<Promise<void>>();
  source.events.on('request:start', ({ request, requestId }) => {
    // Cloned before any handler reads the body; `text()` undoes no encoding: MSW sees the body as sent.
    if (isBelow(base, request.url))
      bodies.set(
        requestId,
        request
          .clone()
          .text()
          .catch(() => ''),
      );
  });
  const onResponse = ({
    request,
    requestId,
    response,
  }: {
    request: Request;
    requestId: string;
    response: Response;
  }) => {
    const body = bodies.get(requestId);
    if (body === undefined) return;
    bodies.delete(requestId);
    const done = toExchange(base, request, body, response).then((exchange) => {
      if (exchange) recorder.record(exchange);
    });
    pending.add(done);
    done.finally(() => pending.delete(done));
  };
  source.events.on('response:mocked', onResponse);
  source.events.on('response:bypass', onResponse);
  const settled = async () => {
    while (pending.size > 0) await Promise.all(pending);
  };
  return {
    ...recorder,
    settled,
    async write(dir) {
      await settled();
      // Loaded by computed URL so that browser bundlers never follow it into node:fs.
      const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
      const module = new URL(`../pact/save-recorded-pact${extension}`, import.meta.url).href;
      const { saveRecordedPact } = (await import(
        /* @vite-ignore */ module
      )) as typeof import('../pact/save-recorded-pact.ts');
      const saved = await saveRecordedPact(spec, dir, recorder);
      for (const finding of saved.findings) {
        if (finding.severity !== 'error') continue;
        const issue: RecordIssue = {
          exchange: finding.interaction.description,
          direction: finding.code.startsWith('response') ? 'response' : 'request',
          issues: [
            {
              severity: 'error',
              code: finding.code,
              instancePath: finding.pactLocation,
              specPointer: finding.spec.pointer ?? '',
              message: finding.message,
            },
          ],
        };
        (recorder.issues as RecordIssue[]).push(issue);
        onIssue(issue);
      }
      return saved.path;
    },
  };
}

function isBelow(base: URL, url: string): boolean {
  const target = new URL(url);
  return (
    target.origin === base.origin &&
    (target.pathname === base.pathname || target.pathname.startsWith(`${base.pathname.replace(/\/$/, '')}/`))
  );
}

async function toExchange(
  base: URL,
  request: Request,
  body: Promise<string>,
  response: Response,
): Promise<Exchange | undefined> {
  let answer: string;
  try {
    answer = await response.clone().text();
  } catch {
    return undefined;
  }
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    request: {
      method: request.method,
      target: `${url.pathname.slice(base.pathname.replace(/\/$/, '').length)}${url.search}`,
      headers,
      body: await body,
    },
    response: {
      status: response.status,
      contentType: response.headers.get('content-type') ?? undefined,
      body: answer,
    },
  };
}

/** One line for a refused exchange: where, which direction, the first issue and its rule. */
export function issueLine(issue: RecordIssue): string {
  const first = issue.issues[0];
  const more = issue.issues.length > 1 ? ` (+${issue.issues.length - 1} more)` : '';
  return `ocpi-location-kit recordPacts: ${issue.exchange}: the spec refuses the ${issue.direction}: ${first?.instancePath || '(whole)'} ${first?.message} [${first?.code}] (spec: ${first?.specPointer})${more}`;
}
