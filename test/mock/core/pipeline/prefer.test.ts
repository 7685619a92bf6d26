import { beforeEach, describe, expect, it } from 'vitest';
import { parsePrefer } from '../../../../mock/core/pipeline/prefer.ts';
import { demoKey, json, makeMock, post, read, tampere } from '../../helpers.ts';

describe('parsePrefer', () => {
  it.each([
    [undefined, {}],
    ['code=404', { code: 404 }],
    ['code=400, example=example', { code: 400, example: 'example' }],
    ['example="tampere"', { example: 'tampere' }],
    ['dynamic=true; delay=15', { dynamic: true, delay: 15 }],
    ['return=minimal, respond-async', {}],
  ])('reads %j', (header, expected) => {
    expect(parsePrefer(header)).toEqual({ ok: true, value: expected });
  });

  it.each(['code=abc', 'code=1000', 'dynamic=yes', 'delay=-1', 'delay=600000', 'example='])(
    'rejects %j with a message naming the preference',
    (header) => {
      const result = parsePrefer(header);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toContain(header.split('=')[0]);
    },
  );
});

describe('Prefer on a valid request', () => {
  const mock = makeMock({ seed: 3 });
  beforeEach(() => mock.state.reset());
  const prefer = (value: string, extra: Record<string, string> = {}) =>
    post(mock, tampere, {}, { ...demoKey, ...json, prefer: value, ...extra });

  it.each([
    [400, 'Something went wrong'],
    [401, 'Not authorised'],
    [404, 'Customer not found'],
    [413, 'Payload too large'],
  ])('returns %i with its documented sentence for Prefer: code=%i', async (code, sentence) => {
    expect(await read(await prefer(`code=${code}`))).toEqual({
      status: code,
      type: 'text/plain; charset=UTF-8',
      text: sentence,
    });
  });

  it('returns a problem for Prefer: code=404 when problem details are asked for', async () => {
    const body = await (await prefer('code=404', { accept: 'application/problem+json' })).json();
    expect(body).toMatchObject({ status: 404, title: 'Customer not found' });
    expect(body.detail).toContain('Prefer: code=404');
  });

  it('creates no location for a forced error', async () => {
    await prefer('code=400');
    expect(mock.state.store.locations.size).toBe(0);
  });

  it('returns the named example for Prefer: example=documented', async () => {
    expect(await (await prefer('example=documented')).json()).toEqual({ id: 'Loc-123' });
  });

  it('returns the first example for Prefer: dynamic=false', async () => {
    expect(await (await prefer('dynamic=false')).json()).toEqual({ id: 'Loc-123' });
  });

  it('returns a generated id for Prefer: dynamic=true', async () => {
    const { id } = await (await prefer('dynamic=true')).json();
    expect(id).toMatch(/^Loc-[A-Z0-9]{10}$/);
    expect(mock.state.store.locations.size).toBe(1);
  });

  it("returns the problem example for Prefer: code=400, example=default (Prism's name) with problem details", async () => {
    const response = await prefer('code=400, example=default', { accept: 'application/problem+json' });
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 400, issues: [{ instancePath: '/parkingType' }] });
  });

  it('returns 404 for a status the spec does not define, as Prism does', async () => {
    const response = await prefer('code=418');
    expect(response.status).toBe(404);
    expect((await response.json()).detail).toBe('Requested status code 418 is not defined in openapi.yaml.');
  });

  it('returns 404 for an example the spec does not have', async () => {
    const body = await (await prefer('example=nope')).json();
    expect(body.detail).toContain('exampleKey: nope does not exist');
  });

  it('returns 400 for an unreadable Prefer header', async () => {
    const response = await prefer('code=teapot');
    expect(response.status).toBe(400);
    expect((await response.json()).title).toBe('Invalid Prefer header');
  });

  it('waits for Prefer: delay=<ms>', async () => {
    const started = performance.now();
    expect((await prefer('delay=60')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('waits for the delay option on every answer', async () => {
    const slow = makeMock({ delayMs: 40 });
    const started = performance.now();
    expect((await post(slow, tampere, {}, json)).status).toBe(401);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });
});

describe('Prefer on a failing request', () => {
  const mock = makeMock();
  it('does not turn a 401 into the preferred status', async () => {
    expect((await post(mock, tampere, {}, { ...json, prefer: 'code=200' })).status).toBe(401);
  });

  it('does not turn a 400 into the preferred example', async () => {
    const headers = { ...demoKey, ...json, prefer: 'example=documented' };
    expect((await post(mock, tampere, { name: 1 }, headers)).status).toBe(400);
  });
});
