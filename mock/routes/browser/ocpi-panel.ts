// The checker's OCPI panel: when the validator says the payload is OCPI 2.2.1 Location data (the
// `ocpi-location` note), it offers to convert it in place, by the mapping of the spec, and lists what the
// conversion dropped. The converter is the package's own.

import {
  convertOcpiLocation,
  type DroppedField,
  readOcpiInput,
  readOcpiMapping,
} from '../../../src/browser.ts';
import { findOperation } from '../../../src/core/openapi/operation.ts';
import type { RunReport } from '../../../src/core/report/validate-report.ts';

/** What the panel needs of the page. */
export interface OcpiPanelParts {
  /** The element the panel is put after (the verdict). */
  readonly after: HTMLElement;
  readonly editor: HTMLTextAreaElement;
  /** Called with the converted body's text once it is in the editor. */
  readonly converted: () => void;
  /** The spec's document when the page holds it (it checks by itself); otherwise the mock's is fetched. */
  readonly specDocument?: () => Record<string, unknown>;
}

/** The panel's one verb: show or hide the offer for the report of the editor's current text. */
export interface OcpiPanel {
  offer(report: RunReport | undefined): void;
}

let mapping: Promise<ReturnType<typeof readOcpiMapping>> | undefined;

/** The spec's OCPI mapping: of the spec the page holds, or of the one this very mock serves (fetched once). */
function loadMapping(held?: () => Record<string, unknown>): Promise<ReturnType<typeof readOcpiMapping>> {
  const doc = held
    ? Promise.resolve(held())
    : fetch('/openapi.json').then((response) => {
        if (!response.ok) throw new Error(`/openapi.json answered ${response.status}`);
        return response.json() as Promise<Record<string, unknown>>;
      });
  mapping ??= doc.then((doc) => {
    const operation = findOperation(doc, (message) => new Error(message));
    return readOcpiMapping(doc, operation.bodyPointer);
  });
  mapping.catch(() => {
    mapping = undefined;
  });
  return mapping;
}

const element = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
) => Object.assign(document.createElement(tag), props);

/** Builds the panel (hidden) after the verdict and returns its `offer`. */
export function wireOcpiPanel(parts: OcpiPanelParts): OcpiPanel {
  const panel = element('section', { id: 'ocpi', className: 'ocpi', hidden: true });
  panel.setAttribute('aria-label', 'OCPI input');
  const sentence = element('p', { id: 'ocpi-offer' });
  const convert = element('button', { type: 'button', id: 'ocpi-convert', className: 'primary' });
  convert.textContent = 'Convert to an eMabler body';
  const status = element('p', { id: 'ocpi-status' });
  status.setAttribute('role', 'status');
  const heading = element('h4', { id: 'ocpi-dropped-heading', hidden: true });
  const dropped = element('ul', { id: 'ocpi-dropped', hidden: true });
  panel.append(sentence, convert, status, heading, dropped);
  parts.after.after(panel);
  let showingDrops = false;

  const showDropped = (fields: readonly DroppedField[]) => {
    heading.textContent = `Dropped by the conversion (${fields.length}): eMabler's body has no place for them`;
    dropped.replaceChildren(
      ...fields.map((field) => {
        const item = element('li');
        item.dataset.path = field.path;
        item.append(element('code', { textContent: field.path }), ` ${field.reason}`);
        return item;
      }),
    );
    heading.hidden = dropped.hidden = false;
    showingDrops = true;
  };

  convert.addEventListener('click', async () => {
    convert.disabled = true;
    try {
      const input = readOcpiInput(parts.editor.value);
      if (!input.ok) throw new Error(input.message);
      const [first] = input.locations;
      if (first === null || typeof first !== 'object' || Array.isArray(first))
        throw new Error('the first location is not a JSON object');
      const { body, dropped: fields } = convertOcpiLocation(
        first as Record<string, unknown>,
        await loadMapping(parts.specDocument),
      );
      parts.editor.value = `${JSON.stringify(body, null, 2)}\n`;
      const others = input.locations.length - 1;
      status.textContent =
        others > 0
          ? `Converted the first of ${input.locations.length} locations; \`ocpi-location-kit from-ocpi\` converts them all.`
          : 'Converted in place.';
      showDropped(fields);
      parts.converted();
    } catch (error) {
      status.textContent = `Could not convert: ${(error as Error).message}`;
    } finally {
      convert.disabled = false;
    }
  });
  parts.editor.addEventListener('input', () => {
    showingDrops = false;
    heading.hidden = dropped.hidden = true;
    status.textContent = '';
  });

  return {
    offer(report) {
      const file = report?.results[0];
      const note = file?.issues.find((issue) => issue.code === 'ocpi-location');
      // NDJSON is not JSON to the validator; one OCPI Location per line is still OCPI input.
      const lines = file?.inputError ? readOcpiInput(parts.editor.value) : undefined;
      const ndjson = lines?.ok === true && lines.form === 'ndjson' ? lines.locations.length : 0;
      sentence.hidden = convert.hidden = !note && ndjson === 0;
      if (note)
        sentence.textContent = `This is OCPI data: ${note.message.replace(/; convert it with .*$/, '')}.`;
      else if (ndjson > 0) sentence.textContent = `This is NDJSON: ${ndjson} OCPI Locations, one per line.`;
      panel.hidden = sentence.hidden && !showingDrops;
    },
  };
}
