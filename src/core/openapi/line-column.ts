/** 1-based line and column of an offset in a source text (the spec's YAML, a payload's JSON). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    line++;
    start = nl + 1;
  }
  return { line, column: offset - start + 1 };
}

/** The 1-based lines and columns of many offsets in one pass over the text, by offset. */
export function lineColumns(
  text: string,
  offsets: readonly number[],
): Map<number, { line: number; column: number }> {
  const places = new Map<number, { line: number; column: number }>();
  let line = 1;
  let start = 0;
  let nl = text.indexOf('\n');
  for (const offset of [...new Set(offsets)].sort((a, b) => a - b)) {
    while (nl !== -1 && nl < offset) {
      line++;
      start = nl + 1;
      nl = text.indexOf('\n', nl + 1);
    }
    places.set(offset, { line, column: offset - start + 1 });
  }
  return places;
}
