import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// What a frontend team's bundler does with the package's entries: bundled for browsers, with no shim for Node.
const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the browser entries', () => {
  it.each([
    ['ocpi-location-kit', 'src/index.ts'],
    ['ocpi-location-kit/msw', 'src/msw/index.ts'],
    ['ocpi-location-kit/mock (browser condition)', 'mock/browser.ts'],
  ])('bundle %s for --platform=browser with no Node module', async (_, entry) => {
    const result = await build({
      entryPoints: [`${root}${entry}`],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
      metafile: true,
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile?.inputs ?? {});
    expect(inputs.filter((input) => input.startsWith('node:'))).toEqual([]);
    // The validator runs from the generated code, which the bundle carries.
    expect(inputs.some((input) => input.endsWith('src/generated/validators-report.js'))).toBe(true);
  });
});
