import { describe, expect, it } from 'vitest';
import { projectSpec } from '../../../src/core/openapi/project-spec.ts';
import { createResponseValidator, mediaTypeOf } from '../../../src/core/validation/validate-response.ts';

const validator = createResponseValidator(projectSpec());
const codes = (status: number, contentType: string | undefined, body: string) =>
  validator.validateResponse({ status, contentType, body }).map((issue) => issue.code);

describe('validateResponse', () => {
  it.for([
    [200, 'application/json', '{"id":"Loc-123"}'],
    [200, 'application/json; charset=utf-8', '{"id":"Loc-abc9"}'],
    [400, 'text/plain; charset=UTF-8', 'Something went wrong'],
    [401, 'text/plain', 'Not authorised'],
    [404, 'text/plain', 'Customer not found'],
  ] as const)('accepts a documented %i %s answer', ([status, type, body]) => {
    expect(codes(status, type, body)).toEqual([]);
  });

  it('refuses an undocumented status, naming the documented ones', () => {
    const [issue] = validator.validateResponse({ status: 201, contentType: 'application/json', body: '{}' });
    expect(issue?.code).toBe('response-status');
    expect(issue?.message).toContain('201');
    expect(issue?.specPointer).toMatch(/\/responses$/);
  });

  it('refuses an undocumented media type and a missing Content-Type', () => {
    expect(codes(200, 'text/plain', 'Loc-1')).toEqual(['response-content-type']);
    expect(codes(200, undefined, '{"id":"Loc-1"}')).toEqual(['response-content-type']);
  });

  it('refuses a body that is not JSON where JSON is documented', () => {
    expect(codes(200, 'application/json', '{"id":')).toEqual(['response-json']);
  });

  it('refuses a 200 whose id breaks LocationId', () => {
    const issues = validator.validateResponse({
      status: 200,
      contentType: 'application/json',
      body: '{"id":"123"}',
    });
    expect(issues.map((issue) => [issue.code, issue.instancePath])).toEqual([
      ['response-minLength', '/id'],
      ['response-pattern', '/id'],
    ]);
  });

  it('reads the media type without parameters or case', () => {
    expect(mediaTypeOf('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(mediaTypeOf(undefined)).toBeUndefined();
  });
});
