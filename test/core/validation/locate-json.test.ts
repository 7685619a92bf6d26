import { describe, expect, it } from 'vitest';
import { lineColumns } from '../../../src/core/openapi/line-column.ts';
import { locateAllInJson, locateInJson } from '../../../src/core/validation/locate-json.ts';

const text = `{
  "name": "Tampere",
  "coordinates": { "latitude": "61.49", "longitude": "23.76" },
  "evses": [
    { "uid": "A" },
    { "uid": "B", "uid": "C" }
  ]
}`;

describe('locateAllInJson', () => {
  it('places every pointer in one scan, as each alone would be placed', () => {
    const pointers = ['/name', '/coordinates/longitude', '/evses/1/uid', '/evses/0', ''];
    const all = locateAllInJson(text, pointers);
    expect(all).toEqual(pointers.map((pointer) => locateInJson(text, pointer)));
    expect(all.map((at) => at && [at.line, at.column])).toEqual([
      [2, 11],
      [3, 54],
      [6, 14],
      [5, 5],
      [1, 1],
    ]);
  });

  it('places a missing property at its nearest parent, and a repeated key at its first', () => {
    const [missing, repeated] = locateAllInJson(text, ['/coordinates/altitude', '/evses/1/uid']);
    expect(missing && [missing.line, missing.column]).toEqual([3, 18]);
    expect(repeated && [repeated.line, repeated.column]).toEqual([6, 14]);
  });

  it('places the same pointer twice, and none for no pointer', () => {
    expect(locateAllInJson(text, ['/name', '/name'])).toHaveLength(2);
    expect(locateAllInJson(text, [])).toEqual([]);
  });
});

describe('lineColumns', () => {
  it('counts lines and columns of unsorted offsets in one pass', () => {
    const places = lineColumns('ab\ncd\n\nef', [8, 0, 4, 6]);
    expect(Object.fromEntries(places)).toEqual({
      0: { line: 1, column: 1 },
      4: { line: 2, column: 2 },
      6: { line: 3, column: 1 },
      8: { line: 4, column: 2 },
    });
  });
});
