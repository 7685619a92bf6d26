// The package's browser entry: everything of the package entry that runs without Node. The mock serves it as
// /assets/client.js; `fromOcpiLocation` is not here because it validates, and the validator loads its spec
// from a file.

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
export { type Conversion, convertOcpiLocation, type DroppedField } from './ocpi/convert.ts';
export { type OcpiInput, type OcpiInputForm, readOcpiInput } from './ocpi/read-ocpi-input.ts';
export { type OcpiField, type OcpiObject, readOcpiMapping } from './openapi/ocpi-mapping.ts';
