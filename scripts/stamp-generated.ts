// Records which openapi.yaml src/generated/ was generated from: `npm run generate` writes the digest, and
// `npm run generate:check` fails when the spec changed since. openapi-typescript's own --check only sees changes
// that alter the types; an edited example, pattern or x-ocpi rule left the generated folder looking current.
import { readFileSync, writeFileSync } from 'node:fs';
import { sha256Hex } from '../src/node/sha256.ts';

const spec = 'openapi.yaml';
const stamp = 'src/generated/openapi.yaml.sha256';

/** SHA-256 of the spec text with line endings normalised, so a CRLF checkout has the same digest. */
function digestOf(text: string): string {
  return sha256Hex(text.replaceAll('\r\n', '\n'));
}

const digest = digestOf(readFileSync(spec, 'utf8'));
if (process.argv.includes('--check')) {
  let recorded = '';
  try {
    recorded = readFileSync(stamp, 'utf8').split(/\s/)[0] ?? '';
  } catch {
    // A missing stamp is stale, like a different one.
  }
  if (recorded !== digest) {
    process.stderr.write(
      `${spec} changed since src/generated/ was generated (${stamp}); run npm run generate\n`,
    );
    process.exit(1);
  }
} else {
  writeFileSync(stamp, `${digest}  ${spec}\n`);
}
