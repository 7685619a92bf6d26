import createClient from 'openapi-fetch';
import { apiKeyHeader, pathTemplate } from '../../generated/api-facts.ts';
import type { components, paths } from '../../generated/openapi.ts';
import { applicationJson, problemJson } from '../openapi/media-types.ts';
import { type AddLocationFailure, readFailure } from './read-failure.ts';

/** The location payload, exactly as `openapi.yaml` describes it. */
export type Location = components['schemas']['Location'];

/** A created location. */
export interface AddLocationSuccess {
  readonly ok: true;
  /** The provider's id of the new location, e.g. "Loc-123". */
  readonly id: string;
}

/** Every answer `addLocation` can give: a value, never an exception, for any HTTP status. */
export type AddLocationResult = AddLocationSuccess | AddLocationFailure;

/** Options of one `addLocation` call. */
export interface AddLocationOptions {
  /** `true` creates an empty location; `false` (the provider's default) adds every charger of the site. */
  readonly excludeChargers?: boolean;
  /** Aborts the request; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

interface CommonOptions {
  /** Base URL of the API, e.g. `https://api.emabler.net/api` or the mock's `http://127.0.0.1:4010`. */
  readonly baseUrl: string;
  /** Ask for RFC 9457 problem documents, so that 400 answers carry the validator's `issues`. */
  readonly problemDetails?: boolean;
  /** A fetch implementation (defaults to the global one, so the client runs in browsers and Node). */
  readonly fetch?: typeof fetch;
}

/** eMabler API v2: an API key in a header (`x-api-key`, from openapi.yaml). */
interface ApiKeyCredentials {
  readonly apiKey: string;
  readonly code?: never;
  readonly clientId?: never;
}

/** eMabler API v1: the query pair `code` (function key) and `clientId` (customer id). */
interface FunctionCodeCredentials {
  readonly code: string;
  readonly clientId: string;
  readonly apiKey?: never;
}

/** No credentials: for front ends whose proxy adds them, and for tests of the 401 answer. */
interface NoCredentials {
  readonly apiKey?: undefined;
  readonly code?: undefined;
  readonly clientId?: undefined;
}

/** How to reach the API and which of the two documented credential schemes to use. */
export type LocationsClientOptions = CommonOptions &
  (ApiKeyCredentials | FunctionCodeCredentials | NoCredentials);

/** A typed client of eMabler's "add OCPI location to an integration" operation. */
export interface LocationsClient {
  /** Adds a location to an integration; resolves to `{ ok: true, id }` or a failure value, never throws for 4xx. */
  addLocation(
    integrationId: string,
    body?: Location,
    options?: AddLocationOptions,
  ): Promise<AddLocationResult>;
}

/** Creates a client on `fetch` and the types generated from `openapi.yaml`. */
export function createLocationsClient(options: LocationsClientOptions): LocationsClient {
  const { baseUrl, problemDetails = false } = options;
  // text/plain is listed so that eMabler's plain-sentence 4xx bodies are acceptable answers (openapi.yaml).
  const accept = problemDetails ? `${applicationJson}, ${problemJson}` : 'application/json, text/plain';
  const headers: Record<string, string> = { accept };
  if (options.apiKey !== undefined) headers[apiKeyHeader] = options.apiKey;
  const credentialQuery: Record<string, string> =
    options.code !== undefined ? { code: options.code, clientId: options.clientId } : {};

  const client = createClient<paths>({
    baseUrl,
    headers,
    // The global fetch is looked up on each call, not at creation: MSW and other interceptors replace it later
    // (a client made at module level, before `server.listen()`, would otherwise bypass them).
    fetch: options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args)),
    // The v1 credentials are security schemes, not operation parameters, so they join the query here.
    querySerializer: (query) => {
      const search = new URLSearchParams();
      for (const [name, value] of Object.entries({ ...query, ...credentialQuery })) {
        if (value !== undefined) search.set(name, String(value));
      }
      return search.toString();
    },
  });

  return {
    async addLocation(integrationId, body, callOptions = {}) {
      const { excludeChargers, signal } = callOptions;
      const { response, data, error } = await client.POST(pathTemplate, {
        params: {
          path: { integrationId },
          query: excludeChargers === undefined ? {} : { excludeChargers: excludeChargers ? 'true' : 'false' },
        },
        ...(body === undefined ? {} : { body }),
        ...(signal ? { signal } : {}),
        // Bodies are parsed here, by content type, so that a provider's odd answer becomes a value.
        parseAs: 'text',
      });
      // openapi-fetch parses error bodies as JSON whatever parseAs says; a parsed body goes back to text here.
      const raw: unknown = response.ok ? data : error;
      const text = typeof raw === 'string' ? raw : raw === undefined ? '' : JSON.stringify(raw);
      if (!response.ok) return readFailure(response.status, response.headers.get('content-type'), text);
      const id = readLocationId(text);
      if (id !== undefined) return { ok: true, id };
      return {
        ok: false,
        status: response.status,
        kind: 'unexpected',
        message: `no location id in the answer: ${text.slice(0, 200)}`,
      };
    },
  };
}

function readLocationId(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    const id = (value as { id?: unknown } | null)?.id;
    // Any non-empty string is taken: the `Loc-` shape is this project's assumption, checked by the pacts.
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}
