// The package entry: what applications import from "ocpi-location-kit". In a browser bundle, `./browser.ts`.

export * from './browser.ts';
export { type FromOcpiOptions, type FromOcpiResult, fromOcpiLocation } from './ocpi/from-ocpi.ts';
