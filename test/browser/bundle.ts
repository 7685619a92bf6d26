import { build } from 'esbuild';

/**
 * Bundles `entry` as a frontend team's bundler would for browsers (esbuild, `--platform=browser`), in memory,
 * and returns the code and the modules it took in.
 */
export async function bundleForBrowser(
  entry: string,
  absWorkingDir?: string,
): Promise<{ code: string; inputs: string[]; errors: unknown[] }> {
  const result = await build({
    entryPoints: [entry],
    ...(absWorkingDir ? { absWorkingDir } : {}),
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    metafile: true,
  });
  return {
    code: result.outputFiles[0]?.text ?? '',
    inputs: Object.keys(result.metafile.inputs),
    errors: result.errors,
  };
}
