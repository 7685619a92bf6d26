import { outputStats, writeOrDrop } from '../../mock/output.ts';

/**
 * Says what the log dropped, then ends: at once when stdout and stderr are drained, otherwise after at most
 * `drainMs` with `process.exit`, since writes queued to a pipe nobody reads would keep the process alive for ever.
 */
export function exitWithOutput(code: number, done: (code: number) => void, drainMs = 500): void {
  const { stdout, stderr } = outputStats();
  if (stdout.lines + stderr.lines > 0) {
    writeOrDrop(
      process.stderr,
      `ocpi-location-kit mock: ${stdout.lines} log lines (${stdout.bytes} bytes) and ${stderr.lines} error lines were dropped: nobody read the output\n`,
    );
  }
  const drained = () => process.stdout.writableLength === 0 && process.stderr.writableLength === 0;
  if (drained()) {
    done(code);
    return;
  }
  const deadline = Date.now() + drainMs;
  const poll = setInterval(() => {
    if (!drained() && Date.now() < deadline) return;
    clearInterval(poll);
    process.exit(code);
  }, 20);
}
