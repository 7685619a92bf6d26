import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveMock } from '../../../mock/server/node-server.ts';
import { createLocationsClient, type Location } from '../../../src/index.ts';
import { loadSpec } from '../../../src/node/load-spec.ts';
import { demo } from '../../support/demo.ts';

const examples = (loadSpec().doc.components as { examples: Record<string, { value: Location }> }).examples;
const site = examples.CompleteSite?.value as Location;

describe('the client against the mock', () => {
  let mock: Awaited<ReturnType<typeof serveMock>>;
  beforeAll(async () => {
    mock = await serveMock({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it('creates a location with the demo key', async () => {
    const client = createLocationsClient({ baseUrl: mock.url, apiKey: demo.apiKey });
    const result = await client.addLocation('int-tampere-roaming', site);
    expect(result).toEqual({ ok: true, id: expect.stringMatching(/^Loc-[A-Za-z0-9-]+$/) });
  });

  it('creates an empty location with the v1 credentials', async () => {
    const client = createLocationsClient({
      baseUrl: mock.url,
      code: 'demo-function-code',
      clientId: 'tampereen-lataus',
    });
    const result = await client.addLocation(
      'int-helsinki-hub',
      { name: 'Kalasatama' },
      { excludeChargers: true },
    );
    expect(result.ok).toBe(true);
  });

  it('returns unauthorised for an unknown key', async () => {
    const client = createLocationsClient({ baseUrl: mock.url, apiKey: 'nobody' });
    expect(await client.addLocation('int-tampere-roaming', site)).toEqual({
      ok: false,
      status: 401,
      kind: 'unauthorised',
      message: 'Not authorised',
    });
  });

  it("returns customer-not-found for another customer's integration", async () => {
    const client = createLocationsClient({ baseUrl: mock.url, apiKey: demo.apiKey });
    expect(await client.addLocation('int-oulu-roaming', site)).toMatchObject({
      ok: false,
      status: 404,
      kind: 'customer-not-found',
      message: 'Customer not found',
    });
  });

  it('returns the issues of a broken payload when it asks for problem details', async () => {
    const client = createLocationsClient({ baseUrl: mock.url, apiKey: demo.apiKey, problemDetails: true });
    const broken = { ...site, parkingType: 'CAR_PARK' } as unknown as Location;
    const result = await client.addLocation('int-tampere-roaming', broken);
    expect(result).toMatchObject({
      ok: false,
      status: 400,
      kind: 'bad-request',
      message: 'Something went wrong',
    });
    expect(result.ok === false && result.issues?.map((i) => i.instancePath)).toContain('/parkingType');
  });
});
