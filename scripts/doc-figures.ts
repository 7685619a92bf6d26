// The figures the docs quote are written by the scripts that measure them, between markers that carry the SHA-256
// of the sources each figure describes. A figure taken before those sources changed is stale, and the docs test
// says so with the command that refreshes it; a block that shows the command instead of figures is never stale.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a figure is shown, the command that measures it, and the sources it describes. */
export interface FigureSet {
  readonly doc: string;
  readonly command: string;
  /** Files or folders; `file#a,b` takes only those top-level fields of a JSON file. */
  readonly sources: readonly string[];
}

/** The shipped code every run-time figure depends on: the mock, the validation core and the generated code. */
const runtime = [
  'src/core/openapi',
  'src/core/validation',
  'src/core/report',
  'src/generated',
  'mock/core',
  'mock/server',
  'mock/build-mock.ts',
  'mock/app.ts',
];

/** What a command costs from process start: its entry, the skeleton, and reading the spec. */
const cliStart = [
  'src/cli/main.ts',
  'src/cli/commands.ts',
  'src/cli/command.ts',
  'src/cli/parse-argv.ts',
  'src/node',
];

/** Every figure the docs quote, by name. The measuring scripts are left out: a figure describes the code. */
export const figureSets = {
  package: {
    doc: 'docs/performance.md',
    command: 'npm run package:figures',
    sources: [
      'package.json#dependencies,peerDependencies,files,exports,bin',
      'package-lock.json',
      'scripts/build.ts',
      'scripts/build-checker.ts',
      'src',
      'mock',
    ],
  },
  generated: {
    doc: 'docs/performance.md',
    command: 'npm run bench:generated',
    sources: [
      ...runtime,
      ...cliStart,
      'src/cli/validate-command.ts',
      'src/cli/mock-command.ts',
      'scripts/build-checker.ts',
      'mock/routes/browser',
    ],
  },
  bench: { doc: 'docs/performance.md', command: 'npm run bench', sources: runtime },
  soak: {
    doc: 'docs/performance.md',
    command: 'npm run soak',
    sources: [...runtime, 'src/cli/mock-command.ts'],
  },
  abuse: {
    doc: 'docs/performance.md',
    command: 'npm run abuse',
    sources: [...runtime, 'src/cli/mock-command.ts'],
  },
  proxy: {
    doc: 'README.md',
    command: 'npm run bench:proxy',
    sources: [...runtime, 'src/proxy', 'src/core/exchange', 'src/cli/proxy-command.ts'],
  },
  'in-process': {
    doc: 'docs/architecture.md',
    command: 'npm run bench:in-process',
    sources: [...runtime, 'src/msw', 'mock/routes'],
  },
  probe: {
    doc: 'docs/probe.md',
    command: 'npm run bench:probe',
    sources: ['src/core/probe', 'src/core/validation', 'src/generated', 'openapi.yaml'],
  },
} as const satisfies Record<string, FigureSet>;

/** The name of a figure set. */
export type FigureName = keyof typeof figureSets;

/** The project's root, where the paths of `figureSets` start. */
export const projectRoot: string = fileURLToPath(new URL('../', import.meta.url));

/** The SHA-256 (first 16 hex digits) of a figure's sources as they are now under `root`. */
export function digestOf(sources: readonly string[], root: string = projectRoot): string {
  const hash = createHash('sha256');
  for (const source of sources) {
    const [path = '', fields] = source.split('#');
    if (!existsSync(join(root, path))) throw new Error(`figure source ${path} does not exist`);
    if (fields) {
      const json = JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
      const picked = fields.split(',').map((field) => [field, json[field]]);
      hash.update(`${source}\0${JSON.stringify(picked)}\0`);
      continue;
    }
    for (const file of filesUnder(root, path))
      hash
        .update(`${file}\0`)
        .update(readFileSync(join(root, file)))
        .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function filesUnder(root: string, path: string): string[] {
  if (!statSync(join(root, path)).isDirectory()) return [path];
  return readdirSync(join(root, path))
    .sort()
    .flatMap((name) => filesUnder(root, `${path}/${name}`));
}

/** One block of figures in a doc: its name, the digest it was taken at (`none`: not taken), and its text. */
export interface FigureBlock {
  readonly name: string;
  readonly digest: string;
  readonly body: string;
}

const blockPattern = /<!-- figures:([\w-]+) digest=(\w+) -->\n([\s\S]*?)<!-- \/figures:\1 -->/g;

/** The figure blocks of a doc's text. */
export function readFigureBlocks(text: string): FigureBlock[] {
  return [...text.matchAll(blockPattern)].map(([, name = '', digest = '', body = '']) => ({
    name,
    digest,
    body,
  }));
}

/** The line that says when, where and how a figure was taken. */
export function stampLine(command: string, now = new Date()): string {
  const cores = cpus();
  const model = cores[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const load = loadavg()[0]?.toFixed(1);
  return `\`${command}\` on ${now.toISOString().slice(0, 10)}, ${cores.length} cores (${model}), Node ${process.version}, load average ${load}:`;
}

/** Replaces the block `name` of its doc under `root` with `output`, stamped and with the sources' digest now. */
export function writeFigures(name: FigureName, output: string, root: string = projectRoot): void {
  const set: FigureSet = figureSets[name];
  const file = join(root, set.doc);
  const text = readFileSync(file, 'utf8');
  if (!readFigureBlocks(text).some((block) => block.name === name))
    throw new Error(`${set.doc} has no block figures:${name}`);
  const block = `<!-- figures:${name} digest=${digestOf(set.sources, root)} -->\n${stampLine(set.command)}\n\n\`\`\`text\n${output.trimEnd()}\n\`\`\`\n<!-- /figures:${name} -->`;
  const old = new RegExp(`<!-- figures:${name} digest=\\w+ -->\\n[\\s\\S]*?<!-- /figures:${name} -->`);
  writeFileSync(
    file,
    text.replace(old, () => block),
  );
}

/**
 * Records what a measuring script prints on stdout and writes it into the docs when the script ends with 0 or 1
 * (a target missed is a figure too), unless it prints `--json` for a machine.
 */
export function recordFigures(name: FigureName, argv: readonly string[] = process.argv): void {
  if (argv.includes('--json')) return;
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
  process.on('exit', (code) => {
    // A missed target ends with exitCode 1 and is a figure too; a crash (1 without it) or a usage mistake (2) is not.
    if (!(code === 0 || (code === 1 && process.exitCode === 1)) || chunks.length === 0) return;
    writeFigures(name, chunks.join(''));
    process.stderr.write(`${figureSets[name].doc}: figures:${name} written\n`);
  });
}
