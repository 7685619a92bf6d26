// The package entry: what applications import from "ocpi-location-kit".

export {
  type AddLocationOptions,
  type AddLocationResult,
  type AddLocationSuccess,
  createLocationsClient,
  type Location,
  type LocationsClient,
  type LocationsClientOptions,
} from './client/locations-client.ts';
export type { AddLocationFailure, FailureKind, Issue } from './client/read-failure.ts';
