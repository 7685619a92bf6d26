import { describe, expect, it } from 'vitest';
import { createValidator } from '../../../src/core/validation/validator.ts';
import { bodyWith, spec } from './spec-facts.ts';

const validator = createValidator(spec);

const errorsOf = (body: unknown) =>
  validator.validateBody(body).issues.filter((issue) => issue.severity === 'error');

describe('nullables', () => {
  it.each(['/publish', '/parkingType'])('accepts null for %s', (path) => {
    const result = validator.validateBody(bodyWith(path, null, { timezone: 'Europe/Helsinki' }));
    expect(result).toMatchObject({ ok: true, errors: 0, warnings: 0 });
  });

  it.each([
    ['/name', 'a string'],
    ['/coordinates', 'an object'],
    ['/coordinates/latitude', 'a string'],
    ['/facilities', 'an array'],
    ['/operator/logo/width', 'an integer'],
    ['/openingTimes/twentyfourseven', 'a boolean'],
    ['/locationEnergyMix/energySources/0/percentage', 'a number'],
  ])('rejects null for %s, which is not nullable', (path, expected) => {
    expect(errorsOf(bodyWith(path, null))).toEqual([
      expect.objectContaining({
        code: 'type',
        instancePath: path,
        message: expect.stringContaining(`must be ${expected}; got null`),
      }),
    ]);
  });
});

describe('type errors', () => {
  it.each([
    ['top level', '/name', 42, '/components/schemas/Location/properties/name/type'],
    ['top level boolean', '/publish', 'yes', '/components/schemas/Location/properties/publish/type'],
    ['top level array', '/facilities', 'WIFI', '/components/schemas/Location/properties/facilities/type'],
    [
      'nested object',
      '/coordinates/latitude',
      61.49829,
      '/components/schemas/GeoLocation/properties/latitude/type',
    ],
    ['nested object itself', '/openingTimes', 'always', '/components/schemas/Hours/type'],
    ['array item', '/directions/0', 'Turn left', '/components/schemas/DisplayText/type'],
    [
      'array item property',
      '/directions/0/language',
      1,
      '/components/schemas/DisplayText/properties/language/type',
    ],
    ['nested array item', '/chargers/0/connector/0', 'CCS', '/components/schemas/Connector/type'],
    [
      'nested array item property',
      '/chargers/0/connector/0/maxPower',
      { kw: 150 },
      '/components/schemas/Connector/additionalProperties/type',
    ],
    [
      'open charger property',
      '/chargers/0/evses',
      [1],
      '/components/schemas/Charger/additionalProperties/type',
    ],
    [
      'object inside an array item',
      '/relatedLocations/0/name/text',
      5,
      '/components/schemas/DisplayText/properties/text/type',
    ],
    [
      'image inside business details',
      '/operator/logo/width',
      '512',
      '/components/schemas/Image/properties/width/type',
    ],
    [
      'image inside business details itself',
      '/owner/logo',
      'https://x.example.fi/logo.png',
      '/components/schemas/Image/type',
    ],
    [
      'uri inside business details',
      '/suboperator/website',
      7,
      '/components/schemas/BusinessDetails/properties/website/type',
    ],
    ['image in images', '/images/0/height', 10.5, '/components/schemas/Image/properties/height/type'],
    ['energy source item', '/locationEnergyMix/energySources/0', 55, '/components/schemas/EnergySource/type'],
    [
      'energy source percentage',
      '/locationEnergyMix/energySources/0/percentage',
      '55',
      '/components/schemas/EnergySource/properties/percentage/type',
    ],
    [
      'environmental impact amount',
      '/locationEnergyMix/environImpact/0/amount',
      '0',
      '/components/schemas/EnvironmentalImpact/properties/amount/type',
    ],
    [
      'energy mix flag',
      '/locationEnergyMix/isGreenEnergy',
      'true',
      '/components/schemas/EnergyMix/properties/isGreenEnergy/type',
    ],
    [
      'regularHours list',
      '/openingTimes/regularHours',
      { weekday: 1 },
      '/components/schemas/Hours/properties/regularHours/type',
    ],
    [
      'regularHours item',
      '/openingTimes/regularHours/0',
      'Mon 07-22',
      '/components/schemas/RegularHours/type',
    ],
    [
      'regularHours weekday',
      '/openingTimes/regularHours/0/weekday',
      '1',
      '/components/schemas/RegularHours/properties/weekday/type',
    ],
    [
      'regularHours fractional weekday',
      '/openingTimes/regularHours/0/weekday',
      1.5,
      '/components/schemas/RegularHours/properties/weekday/type',
    ],
    [
      'regularHours period',
      '/openingTimes/regularHours/0/periodBegin',
      700,
      '/components/schemas/RegularHours/properties/periodBegin/type',
    ],
    [
      'exceptional period',
      '/openingTimes/exceptionalClosings/0/periodEnd',
      1766613600,
      '/components/schemas/ExceptionalPeriod/properties/periodEnd/type',
    ],
    [
      'publish token',
      '/publishAllowedTo/0/uid',
      4660,
      '/components/schemas/PublishToken/properties/uid/type',
    ],
  ])('reports one error at the exact path for a %s', (_, path, value, specPointer) => {
    expect(errorsOf(bodyWith(path, value))).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'type',
        instancePath: path,
        specPointer,
        location: 'body',
      }),
    ]);
  });

  it.each([[[]], [null], ['Tampere'], [42], [true]])('rejects %j as the body', (body) => {
    expect(errorsOf(body)).toEqual([
      expect.objectContaining({
        code: 'type',
        instancePath: '',
        message: expect.stringMatching(/^the body must be an object/),
      }),
    ]);
  });

  it('tells a partner to send a number as a string', () => {
    const [issue] = errorsOf({ coordinates: { latitude: 61.49829 } });
    expect(issue?.message).toBe(
      'coordinates.latitude must be a string; got the number 61.49829; send it as a string: "61.49829"',
    );
  });

  it('reports an int32 overflow as a format error', () => {
    expect(errorsOf({ images: [{ width: 3_000_000_000 }] })).toEqual([
      expect.objectContaining({ code: 'format', instancePath: '/images/0/width' }),
    ]);
  });

  it('reports a relative url as a format error', () => {
    expect(
      errorsOf({ operator: { name: 'x', logo: { url: '/img/logo.png', category: 'OPERATOR' } } }),
    ).toEqual([
      expect.objectContaining({
        code: 'format',
        instancePath: '/operator/logo/url',
        message: expect.stringContaining('absolute URI'),
      }),
    ]);
  });
});
