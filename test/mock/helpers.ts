import { createMockApp, type MockApp, type MockOptions } from '../../mock/app.ts';
import { loadSpec } from '../../src/node/load-spec.ts';
import { demo } from '../support/demo.ts';

/** The project's spec, loaded once per test file. */
export const spec = loadSpec();

/** The spec's named request examples (completeSite, numericEnums, ...). */
export const examples = spec.operation.requestExamples as Record<string, Record<string, unknown>>;

export const tampere = '/integrations/int-tampere-roaming/locations';
export const demoKey = { 'x-api-key': demo.apiKey };
export const json = { 'content-type': 'application/json' };

/** A mock on the project spec (no socket). */
export function makeMock(options: MockOptions = {}): MockApp {
  return createMockApp({ spec, ...options });
}

/** POSTs to the operation of `mock`; `body` is sent as given when a string, else as JSON. */
export function post(
  mock: MockApp,
  path: string,
  body: unknown = {},
  headers: Record<string, string> = { ...demoKey, ...json },
): Promise<Response> {
  return Promise.resolve(
    mock.app.request(path, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

/** The status and text of a response. */
export async function read(response: Response): Promise<{ status: number; type: string; text: string }> {
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}
