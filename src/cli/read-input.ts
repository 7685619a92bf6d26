import { readFile, stat } from 'node:fs/promises';
import { ConfigError } from '../core/config-error.ts';

/** The largest payload file the CLI reads; the mock's default body limit is 1 MiB, this leaves room. */
export const maxInputBytes = 16 * 1024 * 1024;

/** Reads a payload file (or stdin for `-`) as UTF-8 text; every unreadable input is one clear `ConfigError`. */
export async function readInput(name: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const bytes = name === '-' ? await readStdin(stdin) : await readFileChecked(name);
  if (bytes.includes(0)) throw new ConfigError(`${label(name)} is a binary file, not JSON text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigError(`${label(name)} is not valid UTF-8 text`);
  }
  if (text.trim() === '') throw new ConfigError(`${label(name)} is empty; expected a JSON payload`);
  return text.replace(/^\uFEFF/, '');
}

function label(name: string): string {
  return name === '-' ? 'stdin' : name;
}

async function readFileChecked(name: string): Promise<Buffer> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(code === 'ENOENT' ? `${name}: no such file` : `${name}: cannot read (${code})`);
  }
  if (info.isDirectory()) throw new ConfigError(`${name} is a directory; name the JSON files inside it`);
  if (info.size > maxInputBytes) {
    throw new ConfigError(
      `${name} is too large (${(info.size / 1048576).toFixed(1)} MiB; the limit is 16 MiB)`,
    );
  }
  try {
    return await readFile(name);
  } catch (error) {
    throw new ConfigError(`${name}: cannot read (${(error as NodeJS.ErrnoException).code})`);
  }
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<Buffer> {
  if ((stdin as { isTTY?: boolean }).isTTY)
    throw new ConfigError('stdin is a terminal; pipe a JSON payload into it or name a file');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > maxInputBytes) throw new ConfigError('stdin is too large (the limit is 16 MiB)');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
