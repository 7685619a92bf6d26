/** The package as users get it: `npm pack`, then a fresh project that installs the tarball from npm's cache. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cutLockfile, type Lockfile } from './lockfile.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  license: string;
  engines: Record<string, string>;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  devDependencies: Record<string, string>;
};

/** What `npm pack --json` says about the tarball. */
export interface PackReport {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly integrity: string;
  readonly files: { readonly path: string }[];
}

/** A temporary project with the tarball (and what a consumer adds) installed. */
export interface PackedProject {
  readonly dir: string;
  readonly pack: PackReport;
  readonly version: string;
  /** The installed command, run through `node` so the Node under test runs it. */
  readonly bin: string;
  /** Runs `node` (the one running the tests) in the project. */
  node(args: string[], env?: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string };
  remove(): void;
}

/**
 * Packs the checkout (its `prepack` builds dist/) and installs the tarball with `extras` (development
 * dependencies of the checkout, at the same versions) into a new project by `npm ci --offline` from a lockfile
 * cut from the checkout's: tests use no network, and every package installed here is one `npm ci` cached.
 */
export function installPacked(extras: string[], consumerFiles: string[] = []): PackedProject {
  const dir = mkdtempSync(join(tmpdir(), 'ocpi-kit-packed-'));
  const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
    cwd: projectRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [pack] = JSON.parse(packed) as PackReport[];
  if (!pack) throw new Error(`npm pack reported nothing: ${packed}`);
  const dependencies: Record<string, string> = { [manifest.name]: `file:${pack.filename}` };
  for (const name of extras) dependencies[name] = manifest.devDependencies[name] ?? 'missing';
  const project = { name: 'packed-consumer', private: true, type: 'module', dependencies };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(project, null, 2)}\n`);
  const { name, version, license, engines, bin, peerDependencies, peerDependenciesMeta } = manifest;
  const tarball = {
    [`node_modules/${name}`]: {
      version,
      resolved: `file:${pack.filename}`,
      integrity: pack.integrity,
      license,
      dependencies: manifest.dependencies,
      bin,
      engines,
      peerDependencies,
      peerDependenciesMeta,
    },
  };
  const source = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as Lockfile;
  writeFileSync(
    join(dir, 'package-lock.json'),
    JSON.stringify(cutLockfile(source, dependencies, tarball), null, 2),
  );
  for (const file of consumerFiles) cpSync(join(projectRoot, 'test/package/consumer', file), join(dir, file));
  // `npm ci` with no package names: the lockfile says what to fetch and from where, so npm reads only the
  // tarballs `npm ci` cached for the checkout (naming packages would make npm fetch their registry metadata).
  const installed = spawnSync('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (installed.status !== 0) throw new Error(`npm ci failed:\n${installed.stdout}${installed.stderr}`);
  return {
    dir,
    pack,
    version: manifest.version,
    bin: join(dir, 'node_modules/.bin/ocpi-location-kit'),
    node(args, env = {}) {
      const run = spawnSync(process.execPath, args, {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      return { status: run.status, stdout: run.stdout, stderr: run.stderr };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Every package directory under `node_modules` (scoped ones as `@scope/name`), nested ones included. */
export function installedPackages(dir: string): string[] {
  const found: string[] = [];
  const visit = (modules: string) => {
    let names: string[];
    try {
      names = readdirSync(modules);
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const scoped = name.startsWith('@')
        ? readdirSync(join(modules, name)).map((n) => `${name}/${n}`)
        : [name];
      for (const pkg of scoped) {
        found.push(pkg);
        visit(join(modules, pkg, 'node_modules'));
      }
    }
  };
  visit(join(dir, 'node_modules'));
  return found;
}
