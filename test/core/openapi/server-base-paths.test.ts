import { describe, expect, it } from 'vitest';
import { projectSpec } from '../../../src/core/openapi/project-spec.ts';
import { matchServerPath, serverBasePaths } from '../../../src/core/openapi/server-base-paths.ts';

const { doc } = projectSpec();

describe('server base paths', () => {
  it("lists the spec's base paths, longest first, with the servers that declare each", () => {
    expect(serverBasePaths(doc)).toEqual([
      { basePath: '/api/v2/cpo', servers: ['https://api-staging.emabler.net/api/v2/cpo'] },
      { basePath: '/api', servers: ['https://api.emabler.net/api', 'https://api.emabler.io/api'] },
    ]);
  });

  it('ignores servers at the root and relative or malformed URLs without a path', () => {
    const bases = serverBasePaths({ servers: [{ url: 'http://127.0.0.1:4010' }, { url: '/' }, { url: 7 }] });
    expect(bases).toEqual([]);
  });

  it.each([
    ['/integrations/int-1/locations', '/integrations/int-1/locations', undefined],
    ['/api/integrations/int-1/locations', '/integrations/int-1/locations', '/api'],
    ['/api/v2/cpo/integrations/int-1/locations', '/integrations/int-1/locations', '/api/v2/cpo'],
    ['/api/unknown/int-1/locations', '/api/unknown/int-1/locations', undefined],
    ['/apix/integrations/int-1/locations', '/apix/integrations/int-1/locations', undefined],
  ])('finds %s as %s (base %s)', (path, operationPath, basePath) => {
    const match = matchServerPath(doc, path);
    expect(match.path).toBe(operationPath);
    expect(match.base?.basePath).toBe(basePath);
  });
});
