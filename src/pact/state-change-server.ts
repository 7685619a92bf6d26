import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultHost } from '../core/defaults.ts';
import type { JsonMap } from './json-types.ts';
import type { InjectedValues } from './provider-states.ts';

/** What the verifier POSTs to its state-change URL around each interaction (Pact V3 provider states). */
export interface StateChange {
  readonly state: string;
  readonly params?: JsonMap;
  readonly action: 'setup' | 'teardown';
}

/** What the state-change endpoint does: set a state up (answering the values to inject), reset before each. */
export interface StateChangeHandlers {
  /** Sets a state up; the verifier injects the values it returns into the request (`fromProviderState`). */
  readonly setUp: (state: string, params: JsonMap) => Promise<InjectedValues>;
  /** Runs before the first state of each interaction, e.g. a mock reset. */
  readonly beforeEach?: () => Promise<void>;
}

/** A running state-change endpoint. */
export interface StateChangeServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts the endpoint the native verifier calls for provider states (its `providerStatesSetupUrl`) on a free
 * local port. It answers as pact-js's proxy did: the injected values as JSON for a setup, an empty 200 for a
 * teardown and for a handler that fails (which is reported here, the verifier then goes on), a 500 when
 * `beforeEach` fails. The verifier sends a setup and a teardown for each interaction, so one setup at a time
 * means a new interaction.
 */
export async function serveStateChanges(handlers: StateChangeHandlers): Promise<StateChangeServer> {
  let open = 0;
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let change: StateChange;
    try {
      change = JSON.parse(Buffer.concat(chunks).toString('utf8')) as StateChange;
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('expected a JSON state change');
      return;
    }
    if (change.action === 'teardown') {
      open -= 1;
      response.writeHead(200).end();
      return;
    }
    if (change.action !== 'setup') {
      response.writeHead(200).end();
      return;
    }
    open += 1;
    if (open === 1 && handlers.beforeEach) {
      try {
        await handlers.beforeEach();
      } catch (error) {
        const message = `error executing 'beforeEach' hook: ${(error as Error).message}`;
        console.error(message);
        response.writeHead(500, { 'content-type': 'text/plain' }).end(message);
        return;
      }
    }
    try {
      const values = await handlers.setUp(change.state, change.params ?? {});
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(values));
    } catch (error) {
      console.log(`\nError executing state handler for state '${change.state}' on 'setup'.`);
      console.log(`↳ Error details: ${(error as Error).message}\n`);
      response.writeHead(200).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, defaultHost, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${defaultHost}:${port}/provider-states`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
