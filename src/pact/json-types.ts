/** Any JSON value, as Pact's provider-state parameters are (the shape pact-js names `AnyJson`). */
export type AnyJson = boolean | number | string | null | AnyJson[] | JsonMap;

/** A JSON object: the `params` of a provider state. */
export interface JsonMap {
  [key: string]: AnyJson;
}
