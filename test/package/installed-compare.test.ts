import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, type PackedProject, projectRoot } from './packed-project.ts';

// A consumer project that installs the kit: `compare` and `verify` must check the project's pacts, never the
// kit's own pact inside node_modules (which passes, and would let a CI step trusting the default pass too).
let project: PackedProject;
beforeAll(() => {
  project = installPacked([]);
}, 300_000);
afterAll(() => project?.remove());

describe('compare in an installed consumer project, without --pacts', () => {
  it('exits 2 with one line saying where it looked when the project has no pacts', () => {
    const run = project.node([project.bin, 'compare']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `ocpi-location-kit: no pact files found in ./contracts/pacts or ./pacts (under ${project.dir}); name them with --pacts FILE|DIR\n`,
    );
  });

  it("checks the project's ./pacts and fails its undocumented 201", () => {
    const kit = JSON.parse(
      readFileSync(
        join(projectRoot, 'contracts/pacts/ocpi-location-kit-client-emabler-add-location.json'),
        'utf8',
      ),
    ) as { interactions: { response: { status: number } }[] };
    (kit.interactions[0] as { response: { status: number } }).response.status = 201;
    mkdirSync(join(project.dir, 'pacts'), { recursive: true });
    writeFileSync(join(project.dir, 'pacts/web-emabler-add-location.json'), JSON.stringify(kit));
    const run = project.node([project.bin, 'compare']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('FAIL pacts/web-emabler-add-location.json');
    expect(run.stdout).not.toMatch(/^(PASS|FAIL) node_modules/m);
  });

  it("reaches the kit's own pacts when they are named", () => {
    const run = project.node([
      project.bin,
      'compare',
      '--pacts',
      'node_modules/ocpi-location-kit/contracts/pacts',
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^PASS: 1 pact file/m);
  });
});
