import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleForBrowser } from '../browser/bundle.ts';

// What a frontend team's bundler does with the package's entries: bundled for browsers, with no shim for Node.
const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the browser entries', () => {
  it.each([
    ['ocpi-location-kit', 'src/index.ts'],
    ['ocpi-location-kit/msw', 'src/msw/index.ts'],
    ['ocpi-location-kit/mock (browser condition)', 'mock/browser.ts'],
  ])('bundle %s for --platform=browser with no Node module', async (_, entry) => {
    const { errors, inputs } = await bundleForBrowser(`${root}${entry}`);
    expect(errors).toEqual([]);
    expect(inputs.filter((input) => input.startsWith('node:'))).toEqual([]);
    // The validator runs from the generated code, which the bundle carries.
    expect(inputs.some((input) => input.endsWith('src/generated/validators-report.js'))).toBe(true);
  });
});
