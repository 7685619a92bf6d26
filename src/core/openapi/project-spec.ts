import * as generated from '../../generated/spec-document.js';
import { type Spec, specFromDocument } from './spec.ts';

let spec: Spec | undefined;

/**
 * The project's own openapi.yaml, from the document `npm run generate` wrote: no file is read, so it works in a
 * browser and a service worker. It has no line numbers; the CLI loads the file for those (load-spec.ts).
 */
export function projectSpec(): Spec {
  spec ??= specFromDocument(generated.document, {
    path: 'openapi.yaml',
    digest: generated.specDigest,
    lineOf: () => undefined,
    schemasChecked: true,
  });
  return spec;
}
