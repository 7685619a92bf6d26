// Builds dist/ once before the tests (tsc is incremental: a second run compiles only what changed), so every test
// that runs the `ocpi-location-kit` command runs the compiled JavaScript users get, built from these sources.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}${built.stderr}`);
}
