import type { ProbeRequest } from './build-request.ts';
import type { Observed } from './checks.ts';

/** What became of one request: an answer, no answer in time, or no connection at all. */
export type Exchange =
  | { kind: 'answer'; observed: Observed; retryAfterMs?: number }
  | { kind: 'timeout' | 'unreachable'; message: string };

/** How long to wait before sending again, from a 429's `Retry-After` (seconds or an HTTP date, RFC 9110 10.2.3). */
export function retryAfterMs(value: string | null, nowMs: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Sends one request and reads the whole answer; never throws for the network. */
export async function sendOnce(
  fetchFn: typeof fetch,
  request: ProbeRequest,
  clock: { now(): number },
  timeoutMs: number,
): Promise<Exchange> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const started = clock.now();
  try {
    const response = await fetchFn(request.url, {
      method: request.method,
      headers: request.headers.map(([name, value]): [string, string] => [name, value]),
      ...(request.body ? { body: request.body as Uint8Array<ArrayBuffer> } : {}),
      redirect: 'manual',
      signal: controller.signal,
    });
    const body = await response.text();
    const observed: Observed = {
      status: response.status,
      contentType: response.headers.get('content-type') ?? undefined,
      body,
      ms: clock.now() - started,
    };
    const wait = response.status === 429 ? retryAfterMs(response.headers.get('retry-after')) : undefined;
    return { kind: 'answer', observed, ...(wait !== undefined ? { retryAfterMs: wait } : {}) };
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'timeout', message: `no answer within ${timeoutMs} ms` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return {
      kind: 'unreachable',
      message: `connection failed (${cause?.code ?? cause?.message ?? (error as Error).message})`,
    };
  } finally {
    clearTimeout(timer);
  }
}
