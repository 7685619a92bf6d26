import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Spec } from '../../src/core/openapi/spec.ts';
import { createValidator } from '../../src/core/validation/validator.ts';

/** Throughput of the validation core against raw compiled ajv on the same body schema, valid payload. */
export interface ValidatorFigures {
  readonly coreOpsPerSec: number;
  readonly rawAjvOpsPerSec: number;
  readonly ratio: number;
}

/** Runs both for about `seconds` each, alternating, and reports the better of three runs each. */
export function benchValidator(spec: Spec, payload: unknown, seconds = 1): ValidatorFigures {
  const core = createValidator(spec);
  const ajv = new Ajv2020({ strict: false });
  addFormats.default(ajv);
  ajv.addSchema(spec.doc, 'openapi.yaml');
  const raw = ajv.compile({ $ref: `openapi.yaml#${encodeURI(spec.operation.bodyPointer)}` });
  if (!raw(payload) || !core.validateBody(payload).ok) throw new Error('the benchmark payload must be valid');
  const rate = (fn: () => unknown): number => {
    const end = performance.now() + seconds * 1000;
    let count = 0;
    const start = performance.now();
    while (performance.now() < end) {
      for (let i = 0; i < 200; i++) fn();
      count += 200;
    }
    return count / ((performance.now() - start) / 1000);
  };
  let coreBest = 0;
  let rawBest = 0;
  for (let round = 0; round < 3; round++) {
    rawBest = Math.max(
      rawBest,
      rate(() => raw(payload)),
    );
    coreBest = Math.max(
      coreBest,
      rate(() => core.validateBody(payload)),
    );
  }
  return {
    coreOpsPerSec: Math.round(coreBest),
    rawAjvOpsPerSec: Math.round(rawBest),
    ratio: coreBest / rawBest,
  };
}
