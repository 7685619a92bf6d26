import type { Hono } from 'hono';
import { reportPayload, summariseReports } from '../../src/core/report/report-payload.ts';
import type { Validator } from '../../src/core/validation/validator.ts';
import { adminPaths } from '../../src/generated/admin-facts.ts';
import type { Problems } from '../core/pipeline/problem.ts';
import { readBody } from '../core/pipeline/read-body.ts';
import { send } from './send.ts';

/** The route of the payload checker's validation, under the admin prefix so it follows the admin-token rule. */
const validatePath = adminPaths.validatePayload;

/**
 * Mounts `POST /__mock/validate[?strict=true|false][&file=name]`: the raw body text is checked by the CLI's own
 * `reportPayload` and answered with the document `validate --format json` prints for one file, whatever the
 * verdict. Mount it after `mountAdmin`, whose admin-token middleware must run first.
 */
export function mountValidate(app: Hono, validator: Validator, problems: Problems, bodyLimit: number): void {
  app.post(validatePath, async (c) => {
    const strict = c.req.query('strict') ?? 'false';
    if (strict !== 'true' && strict !== 'false') {
      return send(c, problems.adminInvalid(`strict must be true or false; got "${strict}".`, c.req.path));
    }
    const body = await readBody(c.req.raw, bodyLimit);
    if (!body.ok) {
      const limit = `${Math.round(bodyLimit / 1024)} KiB`;
      return send(c, problems.adminInvalid(`The payload is larger than ${limit}.`, c.req.path));
    }
    // The CLI reads files the same way: a leading byte-order mark is not part of the JSON text.
    const text = body.text.replace(/^\uFEFF/, '');
    const file = c.req.query('file') || 'payload';
    const report = reportPayload(validator, file, text, strict === 'true');
    return c.json(summariseReports([report]));
  });
}
