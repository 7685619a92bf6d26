import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PactV4, SpecificationVersion } from '@pact-foundation/pact';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLocationsClient, type Location } from '../src/index.ts';
import { consumerName, projectPactFile, providerName } from '../src/pact/participants.ts';
import { providerStates } from '../src/pact/provider-states.ts';
import {
  apiKeyHeader,
  completeSite,
  demo,
  eachLike,
  emptyLocation,
  example,
  fromState,
  helsinki,
  idPattern,
  like,
  locationsPath,
  plainAccept,
  problemType,
  regex,
  tampere,
  textBody,
  unknownIntegration,
  unknownKey,
} from './consumer-terms.ts';
import { checkPactDrift } from './pact-drift.ts';

const workDir = mkdtempSync(join(tmpdir(), 'ocpi-pacts-'));
const pact = new PactV4({
  consumer: consumerName,
  provider: providerName,
  dir: workDir,
  spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
  logLevel: 'warn',
});

let failed = false;
afterEach(({ task }) => {
  if (task.result?.state === 'fail') failed = true;
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('the locations client, as a consumer of addLocation', () => {
  it('receives the new location id for a complete Finnish site', async () => {
    await pact
      .addInteraction()
      .given(providerStates.integrationExists, { apiKey: demo.apiKey, integrationId: tampere })
      .uponReceiving('a request to add a complete site with its chargers')
      .withRequest('POST', locationsPath(tampere), (request) =>
        request.headers({ 'x-api-key': apiKeyHeader, accept: plainAccept }).jsonBody(completeSite),
      )
      .willRespondWith(200, (response) => response.jsonBody({ id: regex(idPattern, 'Loc-123') }))
      .executeTest(async (server) => {
        const client = createLocationsClient({ baseUrl: server.url, apiKey: demo.apiKey });
        expect(await client.addLocation(tampere, completeSite)).toEqual({ ok: true, id: 'Loc-123' });
      });
  });

  it('receives the new location id for an empty location with the v1 credentials', async () => {
    await pact
      .addInteraction()
      .given(providerStates.integrationExistsV1, {
        code: demo.code,
        clientId: demo.clientId,
        integrationId: helsinki,
      })
      .uponReceiving('a v1 request to add an empty location with excludeChargers=true')
      .withRequest('POST', locationsPath(helsinki), (request) =>
        request
          .query({
            excludeChargers: 'true',
            code: fromState('code', demo.code),
            clientId: fromState('clientId', demo.clientId),
          })
          .headers({ accept: plainAccept })
          .jsonBody(emptyLocation),
      )
      .willRespondWith(200, (response) => response.jsonBody({ id: regex(idPattern, 'Loc-456') }))
      .executeTest(async (server) => {
        const client = createLocationsClient({
          baseUrl: server.url,
          code: demo.code,
          clientId: demo.clientId,
        });
        const result = await client.addLocation(helsinki, emptyLocation, { excludeChargers: true });
        expect(result).toEqual({ ok: true, id: 'Loc-456' });
      });
  });

  it('gets a bad-request value for a payload that breaks the schema', async () => {
    const broken = { ...example('Minimal'), parkingType: 'CAR_PARK' } as unknown as Location;
    await pact
      .addInteraction()
      .given(providerStates.integrationExists, { apiKey: demo.apiKey, integrationId: tampere })
      .uponReceiving('a request whose parkingType is not a ParkingType')
      .withRequest('POST', locationsPath(tampere), (request) =>
        request.headers({ 'x-api-key': apiKeyHeader, accept: plainAccept }).jsonBody(broken),
      )
      .willRespondWith(400, (response) => textBody(response, 'Something went wrong'))
      .executeTest(async (server) => {
        const client = createLocationsClient({ baseUrl: server.url, apiKey: demo.apiKey });
        expect(await client.addLocation(tampere, broken)).toEqual({
          ok: false,
          status: 400,
          kind: 'bad-request',
          message: 'Something went wrong',
        });
      });
  });

  it('gets the validator issues when it asks for problem details', async () => {
    const broken = { ...example('Minimal'), parkingType: 'CAR_PARK' } as unknown as Location;
    const issue = {
      severity: 'error',
      code: 'enum',
      instancePath: '/parkingType',
      specPointer: '/components/schemas/ParkingType/anyOf/0/enum',
      message: 'parkingType must be one of ALONG_MOTORWAY, PARKING_GARAGE, ...; got "CAR_PARK"',
    };
    await pact
      .addInteraction()
      .given(providerStates.integrationExists, { apiKey: demo.apiKey, integrationId: tampere })
      .uponReceiving('a request for problem details whose parkingType is not a ParkingType')
      .withRequest('POST', locationsPath(tampere), (request) =>
        request
          .headers({ 'x-api-key': apiKeyHeader, accept: 'application/json, application/problem+json' })
          .jsonBody(broken),
      )
      .willRespondWith(400, (response) =>
        response
          .headers({
            'Content-Type': regex('^application/problem\\+json(;.*)?$', 'application/problem+json'),
          })
          .jsonBody({
            type: like(problemType),
            title: 'Something went wrong',
            status: 400,
            detail: like('The body breaks the schema of addLocation (1 error).'),
            issues: eachLike(like(issue)),
          }),
      )
      .executeTest(async (server) => {
        const client = createLocationsClient({
          baseUrl: server.url,
          apiKey: demo.apiKey,
          problemDetails: true,
        });
        expect(await client.addLocation(tampere, broken)).toEqual({
          ok: false,
          status: 400,
          kind: 'bad-request',
          message: 'Something went wrong',
          detail: 'The body breaks the schema of addLocation (1 error).',
          issues: [issue],
        });
      });
  });

  it('gets an unauthorised value when it sends no credentials', async () => {
    await pact
      .addInteraction()
      .given(providerStates.integrationExists, { apiKey: demo.apiKey, integrationId: tampere })
      .uponReceiving('a request without credentials')
      .withRequest('POST', locationsPath(tampere), (request) =>
        request.headers({ accept: plainAccept }).jsonBody(emptyLocation),
      )
      .willRespondWith(401, (response) => textBody(response, 'Not authorised'))
      .executeTest(async (server) => {
        const client = createLocationsClient({ baseUrl: server.url });
        expect(await client.addLocation(tampere, emptyLocation)).toEqual({
          ok: false,
          status: 401,
          kind: 'unauthorised',
          message: 'Not authorised',
        });
      });
  });

  it('gets an unauthorised value for an API key no customer has', async () => {
    await pact
      .addInteraction()
      .given(providerStates.apiKeyUnknown, { apiKey: unknownKey })
      .uponReceiving('a request with an unknown API key')
      .withRequest('POST', `/integrations/${tampere}/locations`, (request) =>
        request.headers({ 'x-api-key': unknownKey, accept: plainAccept }).jsonBody(emptyLocation),
      )
      .willRespondWith(401, (response) => textBody(response, 'Not authorised'))
      .executeTest(async (server) => {
        const client = createLocationsClient({ baseUrl: server.url, apiKey: unknownKey });
        const result = await client.addLocation(tampere, emptyLocation);
        expect(result).toMatchObject({ ok: false, status: 401, kind: 'unauthorised' });
      });
  });

  it('gets a customer-not-found value for an integration the customer does not have', async () => {
    await pact
      .addInteraction()
      .given(providerStates.integrationUnknown, { apiKey: demo.apiKey, integrationId: unknownIntegration })
      .uponReceiving('a request for an unknown integration')
      .withRequest('POST', locationsPath(unknownIntegration), (request) =>
        request.headers({ 'x-api-key': apiKeyHeader, accept: plainAccept }).jsonBody(emptyLocation),
      )
      .willRespondWith(404, (response) => textBody(response, 'Customer not found'))
      .executeTest(async (server) => {
        const client = createLocationsClient({ baseUrl: server.url, apiKey: demo.apiKey });
        expect(await client.addLocation(unknownIntegration, emptyLocation)).toEqual({
          ok: false,
          status: 404,
          kind: 'customer-not-found',
          message: 'Customer not found',
        });
      });
  });
});

describe('the committed pact', () => {
  // A fresh directory every run, then one comparison: regeneration is byte for byte, and the tests never write
  // the committed file (`npm run pact:generate` does).
  it('is byte for byte the pact these tests generate', () => {
    // A failed interaction leaves a partial pact behind: never compare, let alone copy, that one.
    if (failed) throw new Error('a consumer test failed, so the generated pact is incomplete');
    const fresh = readFileSync(join(workDir, basename(projectPactFile)), 'utf8');
    const drift = checkPactDrift(fresh, projectPactFile);
    if (!drift.ok) expect.fail(drift.message);
    if (drift.wrote) console.warn(`updated ${projectPactFile}; commit it`);
  });
});
