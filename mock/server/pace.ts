import type { IncomingMessage, ServerResponse } from 'node:http';

/** A node:http request listener. */
type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Spreads request handling over turns of the event loop so that the loop comes back to `accept()` often.
 * libuv accepts one connection per turn (libuv PR 3696, in Node 20's libuv 1.46): when 1,000 connections keep a
 * turn busy for 100 ms, new connections are accepted ten a second and wait in the kernel's listen queue until the
 * client gives up. Here a request that arrives after `budgetMs` of handling in the current turn waits for a
 * later one (in order), so a turn stays near the budget and the accept rate stays in the hundreds a second.
 */
export function paceRequests(listener: Listener, budgetMs = 2): Listener {
  let turnStarted = -1;
  const waiting: [IncomingMessage, ServerResponse][] = [];
  const endTurn = () => {
    turnStarted = -1;
  };
  const startTurn = (now: number) => {
    turnStarted = now;
    // Runs in this turn's check phase; what is scheduled after it runs in the next turn.
    setImmediate(endTurn);
  };
  const spent = () => {
    const now = performance.now();
    if (turnStarted < 0) startTurn(now);
    return now - turnStarted;
  };
  // One immediate per waiting request: microtasks (the pipeline's awaits) run between immediates, so each
  // request's work is done, and counted, before the next is let in.
  const next = () => {
    if (spent() >= budgetMs) {
      setImmediate(next);
      return;
    }
    const item = waiting.shift();
    if (item) listener(item[0], item[1]);
  };
  return (req, res) => {
    if (waiting.length === 0 && spent() < budgetMs) return listener(req, res);
    waiting.push([req, res]);
    setImmediate(next);
  };
}
