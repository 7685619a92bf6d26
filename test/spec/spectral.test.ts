import { afterAll, describe, expect, it } from 'vitest';
import { editSpec, runBin, tempProject } from '../support/temp-project.ts';

const temp = tempProject(['.spectral.yaml']);
afterAll(() => temp.remove());

interface SpectralResult {
  code: string;
  severity: number;
  path: string[];
}

describe('spectral project rules', () => {
  it('warn about a property without a description and an operation without x-ms-visibility', () => {
    const broken = editSpec(
      "          description: Display name of the location, e.g. the site's name. OCPI allows up to 255 characters.\n",
      '',
      editSpec('      x-ms-visibility: important\n', ''),
    );
    temp.write('openapi.yaml', broken);
    const run = runBin(temp.dir, 'spectral', [
      'lint',
      '--fail-severity=warn',
      '-f',
      'json',
      '-q',
      '--ruleset',
      '.spectral.yaml',
      'openapi.yaml',
    ]);
    expect(run.status).not.toBe(0);
    const results = JSON.parse(run.stdout) as SpectralResult[];
    const found = results.map((result) => `${result.code} ${result.severity} ${result.path.join('.')}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'property-description 1 components.schemas.Location.properties.name',
        'operation-ms-visibility 1 paths./integrations/{integrationId}/locations.post',
      ]),
    );
  });
});
