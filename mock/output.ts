import type { Writable } from 'node:stream';

/** What one output stream had to drop because nobody read it. */
export interface DroppedOutput {
  lines: number;
  bytes: number;
}

/** What a stream dropped, and the bytes it holds unwritten now. */
export interface OutputState extends DroppedOutput {
  queuedBytes: number;
}

/** Bytes a stream may hold unwritten before new lines are dropped: a log nobody reads must not grow the heap. */
export const maxQueuedBytes = 1024 * 1024;

const dropped = new WeakMap<Writable, DroppedOutput>();

/**
 * Writes `text` (holding `lines` lines) to `stream` unless the stream already holds `maxQueuedBytes` it could
 * not write (a pipe nobody reads, a terminal frozen by Ctrl-S): then the lines are dropped and counted. Node
 * queues every write to a full pipe in memory, without bound, and the queued writes keep the process alive.
 */
export function writeOrDrop(stream: Writable, text: string, lines = 1): boolean {
  if (stream.writableLength < maxQueuedBytes && !stream.destroyed) {
    stream.write(text);
    return true;
  }
  const count = dropped.get(stream) ?? { lines: 0, bytes: 0 };
  count.lines += lines;
  count.bytes += Buffer.byteLength(text);
  dropped.set(stream, count);
  return false;
}

/** A line for stderr, dropped like the log's when stderr does not drain. */
export function writeError(text: string): void {
  writeOrDrop(process.stderr, text);
}

/** What stdout and stderr have dropped so far, for `/__mock/health` and the exit line. */
export function outputStats(): { stdout: OutputState; stderr: OutputState } {
  const of = (stream: Writable) => ({
    ...(dropped.get(stream) ?? { lines: 0, bytes: 0 }),
    queuedBytes: stream.writableLength,
  });
  return { stdout: of(process.stdout), stderr: of(process.stderr) };
}
