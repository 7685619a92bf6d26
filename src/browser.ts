// What the mock serves as /assets/client.js for pages of any origin: the typed client and the OCPI converter,
// without the validator (which the package entry adds).

export * from './core/client/index.ts';
export { type Conversion, convertOcpiLocation, type DroppedField } from './core/ocpi/convert.ts';
export { type OcpiInput, type OcpiInputForm, readOcpiInput } from './core/ocpi/read-ocpi-input.ts';
export { type OcpiField, type OcpiObject, readOcpiMapping } from './core/openapi/ocpi-mapping.ts';
