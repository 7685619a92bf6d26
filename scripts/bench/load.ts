import autocannon from 'autocannon';
import { headers, integrationPath } from './servers.ts';

/** One load run's figures. */
export interface LoadFigures {
  readonly requestsPerSec: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly total: number;
}

/** Options of one load run: either a duration in seconds or an exact number of requests. */
export interface LoadOptions {
  readonly connections: number;
  readonly duration?: number;
  readonly amount?: number;
  readonly body: string;
}

/** Runs autocannon against the addLocation route of `url`. */
export async function runLoad(url: string, options: LoadOptions): Promise<LoadFigures> {
  const result = await autocannon({
    url: url + integrationPath,
    method: 'POST',
    headers,
    body: options.body,
    connections: options.connections,
    pipelining: 1,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 5 }),
  });
  return {
    requestsPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
