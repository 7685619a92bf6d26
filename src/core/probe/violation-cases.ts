import type { BodyBuilder } from './body-builder.ts';
import { bodyCase, formatIsAnnotation, leftOpen } from './body-cases.ts';
import { type BodyPath, pathName, pathPointer, type Site } from './schema-sites.ts';
import type { CaseBody, ProbeCase } from './types.ts';

type Json = Record<string, unknown>;

const json = (value: unknown): CaseBody => ({ kind: 'json', value });

/** One violation at a time of each hard constraint of the body schema. */
export function negativeBodyCases(sites: readonly Site[], build: BodyBuilder): ProbeCase[] {
  const cases: ProbeCase[] = [];
  const broken = (name: string, path: BodyPath, value: unknown, code: string, breaks: string, at = path) => {
    const probeCase = bodyCase(name, json(build.bodyWith(path, value)), {
      breaks,
      rule: { where: 'body', code, instancePath: pathPointer(at) },
    });
    // A format is an annotation in JSON Schema 2020-12 (OpenAPI 3.1): a provider need not assert it.
    cases.push(code === 'format' ? leftOpen(probeCase, formatIsAnnotation) : probeCase);
  };
  for (const [label, value] of [
    ['array', []],
    ['string', 'location'],
    ['number', 42],
    ['null', null],
  ] as const) {
    cases.push(
      bodyCase(`body-type:${label}`, json(value), {
        breaks: `the body is ${label === 'array' ? 'an array' : `a ${label}`}, not an object`,
        rule: { where: 'body', code: 'type', instancePath: '' },
      }),
    );
  }
  for (const site of sites) {
    const where = pathName(site.path);
    const wrong = wrongType(site);
    broken(
      `type:${where}`,
      site.path,
      wrong,
      site.kind === 'enum' ? 'enum' : 'type',
      `${where} of the wrong type (${JSON.stringify(wrong)})`,
    );
    if (!site.nullable && site.path.length === 1 && site.kind !== 'enum')
      broken(`not-null:${where}`, site.path, null, 'type', `${where} is null, which it may not be`);
    if (site.kind === 'enum') {
      const name = site.names[0] ?? '';
      broken(
        `enum:${where}=wrong-case`,
        site.path,
        name.toLowerCase(),
        'enum',
        `${where} is a name in the wrong case`,
      );
      broken(
        `enum:${where}=unknown-name`,
        site.path,
        `NOT_${name}`,
        'enum',
        `${where} is not one of its names`,
      );
      if (site.numbers.length > 0) {
        broken(
          `enum:${where}=index-out-of-range`,
          site.path,
          Math.max(...site.numbers) + 1,
          'enum',
          `${where} is an index past the last value`,
        );
        broken(
          `enum:${where}=index-as-string`,
          site.path,
          String(site.numbers[0]),
          'enum',
          `${where} is an index sent as a string`,
        );
      }
    }
    if (site.kind === 'object') {
      for (const property of site.required) {
        const object = build.sample(site.path) as Json;
        delete object[property];
        broken(
          `required:${where}.${property}`,
          site.path,
          object,
          'required',
          `${where} lacks its required ${property}`,
        );
      }
      if (site.typedAdditional)
        broken(
          `additional:${where}`,
          site.path,
          { probe: { nested: true } },
          'type',
          `${where} has an extra property that is an object`,
          [...site.path, 'probe'],
        );
    }
    if (site.kind === 'scalar' && site.format === 'uri')
      broken(`format:${where}`, site.path, 'not a uri', 'format', `${where} is not a URI`);
    if (site.kind === 'scalar' && site.type === 'integer' && site.format === 'int32')
      broken(`range:${where}=int32`, site.path, 2147483648, 'format', `${where} is past the int32 range`);
  }
  return cases;
}

/** A value of another JSON type than the site takes. */
function wrongType(site: Site): unknown {
  switch (site.kind) {
    case 'object':
      return 'not an object';
    case 'array':
      return { not: 'an array' };
    case 'enum':
      return true;
    default:
      return site.type === 'string'
        ? 42
        : site.type === 'boolean'
          ? 'yes'
          : site.type === 'integer'
            ? 1.5
            : '55';
  }
}
