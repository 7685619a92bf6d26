import { describe, expect, it } from 'vitest';
import { convertOcpiLocation } from '../../../src/core/ocpi/convert.ts';
import { mappedObjects, readOcpiMapping } from '../../../src/core/openapi/ocpi-mapping.ts';
import { getAtPointer, joinPointer } from '../../../src/core/openapi/pointer.ts';
import { loadSpec } from '../../../src/node/load-spec.ts';

type Json = Record<string, unknown>;
const spec = loadSpec();

/** Every property schema reachable from the addLocation body, with its pointer (each component once). */
function bodyProperties(): Array<{ pointer: string; node: Json }> {
  const out: Array<{ pointer: string; node: Json }> = [];
  const seen = new Set<string>();
  const visit = (pointer: string): void => {
    let at = pointer;
    let node = getAtPointer(spec.doc, at) as Json | undefined;
    while (typeof node?.$ref === 'string') {
      at = decodeURIComponent(node.$ref.slice(1));
      node = getAtPointer(spec.doc, at) as Json | undefined;
    }
    if (!node || seen.has(at)) return;
    seen.add(at);
    for (const i of (node.anyOf as unknown[] | undefined)?.keys() ?? []) visit(joinPointer(at, 'anyOf', i));
    if (node.items) visit(`${at}/items`);
    for (const [name, property] of Object.entries((node.properties ?? {}) as Json)) {
      const propertyPointer = joinPointer(at, 'properties', name);
      out.push({ pointer: propertyPointer, node: property as Json });
      visit(propertyPointer);
    }
  };
  visit(spec.operation.bodyPointer);
  return out;
}

describe('the OCPI mapping of openapi.yaml', () => {
  const properties = bodyProperties();

  it('gives every property of the body an OCPI origin or marks it eMabler-only, never both', () => {
    expect(properties.length).toBeGreaterThan(50);
    const unmarked = properties.filter(({ node }) => {
      const name = (node['x-ocpi'] as { name?: unknown } | undefined)?.name;
      const only = node['x-emabler-only'];
      return (typeof name === 'string') === (typeof only === 'string');
    });
    expect(unmarked.map(({ pointer }) => pointer)).toEqual([]);
  });

  it('marks only the chargers and their connectors as eMabler-only', () => {
    const only = properties.filter(({ node }) => typeof node['x-emabler-only'] === 'string');
    expect(only.map(({ pointer }) => pointer)).toEqual([
      '/components/schemas/Location/properties/chargers',
      '/components/schemas/Charger/properties/connector',
    ]);
  });

  it('spells every OCPI name in snake_case, unique within its object', () => {
    for (const object of mappedObjects(readOcpiMapping(spec.doc))) {
      const names = object.fields.map((field) => field.ocpiName);
      for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/);
      expect(new Set(names).size, object.owner).toBe(names.length);
      for (const dropped of object.dropped.keys()) expect(names).not.toContain(dropped);
    }
  });

  it('gives a reason for every OCPI 2.2.1 Location field it drops', () => {
    const mapping = readOcpiMapping(spec.doc);
    expect([...mapping.dropped.keys()].sort()).toEqual(
      ['charging_when_closed', 'country_code', 'evses', 'id', 'last_updated', 'party_id'].sort(),
    );
    expect(mapping.dropped.get('evses')).toBe(
      "eMabler adds the site's chargers itself unless excludeChargers=true; its charger fields are not published",
    );
  });

  it('converts by the annotations alone: a renamed x-ocpi.name changes the conversion', () => {
    const doc = structuredClone(spec.doc) as Json;
    const postal = getAtPointer(doc, '/components/schemas/Location/properties/postalCode/x-ocpi') as Json;
    postal.name = 'zip_code';
    const { body, dropped } = convertOcpiLocation(
      { zip_code: '00580', postal_code: '00100' },
      readOcpiMapping(doc),
    );
    expect(body).toEqual({ postalCode: '00580' });
    expect(dropped.map((field) => field.path)).toEqual(['/postal_code']);
  });
});
