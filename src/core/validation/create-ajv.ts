import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * The one place an ajv instance is made: JSON Schema 2020-12 (OpenAPI 3.1), OpenAPI's keywords tolerated
 * (`strict: false`), no console output, and ajv-formats in its fast mode (the full `uri` and `date-time` checks
 * cost more than the rest of the schema together). `options` says what a use needs beyond that.
 */
export function createAjv(options: Options = {}, formats = true): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, logger: false, ...options });
  if (formats) addFormats.default(ajv, { mode: 'fast' });
  return ajv;
}
