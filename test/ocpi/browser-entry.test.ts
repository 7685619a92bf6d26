import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe("the package's browser entry", () => {
  it('bundles for browsers with the OCPI converter and without any Node built-in', async () => {
    const result = await build({
      entryPoints: [new URL('../../src/browser.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('src/ocpi/convert.ts');
    expect(inputs).toContain('src/ocpi/read-ocpi-input.ts');
    expect(inputs.filter((input) => input.startsWith('node:') || input.includes('load-spec'))).toEqual([]);
    const code = result.outputFiles[0]?.text ?? '';
    for (const name of ['convertOcpiLocation', 'readOcpiMapping', 'readOcpiInput', 'createLocationsClient'])
      expect(code).toMatch(new RegExp(`\\b${name}\\b`));
  });
});
