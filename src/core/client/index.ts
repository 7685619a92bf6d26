// The typed client alone: what the mock bundles as `/assets/client.js` for browsers (no validator, no spec).

export {
  type AddLocationOptions,
  type AddLocationResult,
  type AddLocationSuccess,
  createLocationsClient,
  type Location,
  type LocationsClient,
  type LocationsClientOptions,
} from './locations-client.ts';
export type { AddLocationFailure, FailureKind, Issue } from './read-failure.ts';
