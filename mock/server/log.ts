import { paint, shouldColour } from '../../src/core/report/colour.ts';
import type { RequestLogger } from '../core/pipeline/run-request.ts';
import { clockNow, isoNow } from '../core/state/clock.ts';
import { writeOrDrop } from '../output.ts';

/** The request log's two formats: a line for people, or JSON lines for machines. */
export type LogFormat = 'pretty' | 'json';

/**
 * Lines written to stdout are gathered and written once per turn of the event loop: under load that is one
 * system call for many requests instead of one each, and the order of lines is kept. When stdout does not
 * drain (a pipe nobody reads), the lines are dropped and counted rather than queued (see `output.ts`).
 */
export function batchedStdout(
  stream: import('node:stream').Writable = process.stdout,
): (line: string) => void {
  let pending: string[] = [];
  const flush = () => {
    const text = pending.join('');
    const lines = pending.length;
    pending = [];
    writeOrDrop(stream, text, lines);
  };
  return (line) => {
    if (pending.push(line) === 1) setImmediate(flush);
  };
}

/**
 * Creates the request logger; `write` defaults to batched stdout. Statuses are coloured by the rule every command
 * follows (`NO_COLOR`, `FORCE_COLOR`, else a terminal). Formatting is one template string, no library.
 */
export function createRequestLogger(
  format: LogFormat,
  write: (line: string) => void = batchedStdout(),
  color: boolean = format === 'pretty' && shouldColour(process.stdout.isTTY, process.env),
): RequestLogger {
  if (format === 'json') {
    return (r) =>
      write(
        `{"time":"${isoNow()}","method":"${r.method}","path":${JSON.stringify(r.path)},"status":${r.status},"ms":${r.ms.toFixed(2)},"issues":${r.issues}}\n`,
      );
  }
  const colourOf = (status: number) => (status >= 500 ? 35 : status >= 400 ? 33 : 32);
  return (r) => {
    const time = clockNow();
    // A path is the client's text: control characters (an ANSI escape, a line feed) must not reach a terminal.
    const path = unprintable.test(r.path) ? JSON.stringify(r.path) : r.path;
    const issues = r.issues === 0 ? '' : ` (${r.issues} issue${r.issues === 1 ? '' : 's'})`;
    write(
      `${time} ${r.method} ${path} ${paint(color, colourOf(r.status), String(r.status))} ${r.ms.toFixed(1)} ms${issues}\n`,
    );
  };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const unprintable = /[\u0000-\u001f\u007f-\u009f]/;
