import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createProblems } from '../../../mock/core/pipeline/problem.ts';
import { mountAdmin } from '../../../mock/routes/admin.ts';
import { mountValidate } from '../../../mock/routes/validate-endpoint.ts';
import { reportPayload, summariseReports } from '../../../src/core/report/report-payload.ts';
import type { RunReport } from '../../../src/core/report/validate-report.ts';
import { createValidator } from '../../../src/core/validation/validator.ts';
import { makeMock, spec } from '../helpers.ts';

const mock = makeMock();
const validator = createValidator(spec);

const check = async (text: string, query = '?strict=false') => {
  const response = await mock.app.request(`/__mock/validate${query}`, { method: 'POST', body: text });
  return { status: response.status, body: (await response.json()) as RunReport };
};

describe('POST /__mock/validate', () => {
  it.each([
    [
      'a payload with mistakes',
      '{\n  "parkingType": "CAR_PARK",\n  "facilities": ["WIFI", "JACUZZI"]\n}',
      false,
    ],
    ['a payload without a time zone', '{"name": "Kauppatori"}', false],
    ['a payload without a time zone, strictly', '{"name": "Kauppatori"}', true],
    ['text that is not JSON', '{\n  "name": ,\n}', false],
  ])('answers what validate --format json prints for %s', async (_, text, strict) => {
    const { status, body } = await check(text, `?strict=${strict}`);
    expect(status).toBe(200);
    expect(body).toEqual(summariseReports([reportPayload(validator, 'payload', text, strict)]));
  });

  it('gives a syntax error its line and column', async () => {
    const { body } = await check('{\n  "name": ,\n}');
    expect(body.ok).toBe(false);
    expect(body.results[0]?.issues).toMatchObject([
      { severity: 'error', code: 'malformed-json', instancePath: '', line: 2, column: 11 },
    ]);
  });

  it('ignores a leading byte-order mark, as the CLI does for files', async () => {
    const { body } = await check('\uFEFF{"name": "Kauppatori", "timezone": "Europe/Helsinki"}');
    expect(body.results[0]).toMatchObject({ ok: true, errors: 0 });
  });

  it('names the file when asked to', async () => {
    expect((await check('{}', '?file=site.json')).body.results[0]?.file).toBe('site.json');
  });

  it('refuses a strict flag other than true or false', async () => {
    const response = await mock.app.request('/__mock/validate?strict=yes', { method: 'POST', body: '{}' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ detail: 'strict must be true or false; got "yes".' });
  });

  it('refuses a payload over the body limit', async () => {
    const small = makeMock({ bodyLimit: 10 });
    const response = await small.app.request('/__mock/validate', {
      method: 'POST',
      body: '{"name": "too long"}',
    });
    expect(response.status).toBe(400);
  });

  it('needs the admin token when the admin routes do', async () => {
    const app = new Hono();
    const problems = createProblems(spec);
    mountAdmin(app, mock.state, problems, 'POST /integrations/{integrationId}/locations', 'secret');
    mountValidate(app, validator, problems, 1024);
    const post = (headers: Record<string, string>) =>
      app.request('/__mock/validate', { method: 'POST', body: '{}', headers });
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await post({ authorization: 'Bearer secret' })).status).toBe(200);
  });
});
