/**
 * A lockfile for the packed-package project, cut from the checkout's own: `npm ci` caches tarballs, not the full
 * registry metadata an `npm install <names>` asks for, so that fails offline on a fresh machine; `npm ci` from a
 * lockfile that pins what the checkout installed, with every tarball's URL and integrity, needs only the cache.
 */
interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [field: string]: unknown;
}

/** npm's lockfile v3, as far as this file reads it. */
export interface Lockfile {
  name?: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockEntry>;
}

const registry = (process.env.npm_config_registry ?? 'https://registry.npmjs.org/').replace(/\/?$/, '/');

/**
 * The registry's tarball URL of the package at a lockfile path. The checkout's lockfile records none (npm omits
 * them), and without one npm asks the registry for metadata, which an offline install cannot.
 */
function tarballUrl(path: string, version: string): string {
  const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return `${registry}${name}/-/${name.split('/').pop()}-${version}.tgz`;
}

/** The entry a dependency `name` of the package at `from` resolves to, by Node's lookup up the tree. */
function resolveIn(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const path = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
    if (packages[path]) return path;
    if (base === '') return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

/**
 * The lockfile of a project whose dependencies are `top` (names the checkout has installed) plus `extra`
 * entries at given paths (the tarball), keeping the checkout's layout for everything they reach.
 */
export function cutLockfile(
  source: Lockfile,
  top: Record<string, string>,
  extra: Record<string, LockEntry>,
): Lockfile {
  const all = { ...source.packages, ...extra };
  const kept: Record<string, LockEntry> = {};
  const visit = (path: string) => {
    const entry = all[path];
    if (!entry || kept[path]) return;
    // Whether a package is dev, optional or a peer is recomputed by npm for the new project.
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...rest } = entry;
    kept[path] =
      rest.resolved || !rest.version ? rest : { ...rest, resolved: tarballUrl(path, rest.version) };
    const optionalPeers = new Set(
      Object.entries(entry.peerDependenciesMeta ?? {})
        .filter(([, meta]) => meta.optional)
        .map(([name]) => name),
    );
    const wanted = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((name) => !optionalPeers.has(name)),
    ];
    for (const name of wanted) {
      const found = resolveIn(all, path, name);
      if (found) visit(found);
    }
  };
  for (const name of Object.keys(top)) visit(`node_modules/${name}`);
  return {
    name: 'packed-consumer',
    lockfileVersion: 3,
    requires: true,
    packages: { '': { name: 'packed-consumer', dependencies: top }, ...kept },
  };
}
