import { describe, expect, it } from 'vitest';
import { bundleForBrowser } from './browser/bundle.ts';

describe("the package's browser entry", () => {
  it('bundles for browsers with the OCPI converter and without any Node built-in', async () => {
    const { code, inputs } = await bundleForBrowser(new URL('../src/browser.ts', import.meta.url).pathname);
    expect(inputs).toContain('src/core/ocpi/convert.ts');
    expect(inputs).toContain('src/core/ocpi/read-ocpi-input.ts');
    expect(inputs.filter((input) => input.startsWith('node:') || input.includes('load-spec'))).toEqual([]);
    for (const name of ['convertOcpiLocation', 'readOcpiMapping', 'readOcpiInput', 'createLocationsClient'])
      expect(code).toMatch(new RegExp(`\\b${name}\\b`));
  });
});
