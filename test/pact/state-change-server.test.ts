import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { serveStateChanges } from '../../src/pact/state-change-server.ts';
import { demo } from '../support/demo.ts';

const state = 'a customer with API key {apiKey} has integration {integrationId}';

/** Posts one state change as the native verifier does, and returns the status and body of the answer. */
async function post(url: string, action: string, params?: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action, state, ...(params ? { params } : {}) }),
  });
  return { status: response.status, body: await response.text() };
}

describe('the state-change endpoint', () => {
  it('answers a setup with the values to inject, as JSON', async () => {
    const setUp = vi.fn(async () => ({ apiKey: 'real-key' }));
    const server = await serveStateChanges({ setUp });
    onTestFinished(() => server.close());
    expect(await post(server.url, 'setup', { apiKey: demo.apiKey })).toEqual({
      status: 200,
      body: '{"apiKey":"real-key"}',
    });
    expect(setUp).toHaveBeenCalledWith(state, { apiKey: demo.apiKey });
  });

  it('runs beforeEach once per interaction, not once per state or teardown', async () => {
    const beforeEach = vi.fn(async () => {});
    const server = await serveStateChanges({ setUp: async () => ({}), beforeEach });
    onTestFinished(() => server.close());
    for (const action of ['setup', 'setup', 'teardown', 'teardown', 'setup', 'teardown']) {
      await post(server.url, action);
    }
    expect(beforeEach).toHaveBeenCalledTimes(2);
  });

  it('answers a teardown, and a setup whose handler fails, with an empty 200', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    onTestFinished(() => log.mockRestore());
    const server = await serveStateChanges({
      setUp: async () => {
        throw new Error('fixtures refused');
      },
    });
    onTestFinished(() => server.close());
    expect(await post(server.url, 'setup')).toEqual({ status: 200, body: '' });
    expect(await post(server.url, 'teardown')).toEqual({ status: 200, body: '' });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('fixtures refused'));
  });

  it('answers 500 when beforeEach fails, so the verifier fails the interaction', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    onTestFinished(() => error.mockRestore());
    const server = await serveStateChanges({
      setUp: async () => ({}),
      beforeEach: async () => {
        throw new Error('reset refused');
      },
    });
    onTestFinished(() => server.close());
    expect(await post(server.url, 'setup')).toEqual({
      status: 500,
      body: "error executing 'beforeEach' hook: reset refused",
    });
  });
});
