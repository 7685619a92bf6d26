import { lineColumns } from '../openapi/line-column.ts';
import { splitPointer } from '../openapi/pointer.ts';
import { scanJson } from './json-text.ts';

/** Where a value sits in JSON source text, so an issue can name `file.json:12:7` or move an editor's cursor. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A node of the pointers sought, by token: the pointers that pass through it, by index. */
interface Node {
  readonly children: Map<string, Node>;
  readonly through: number[];
}

/**
 * Finds, in one scan of `text` (which JSON.parse accepted), the position of the value at each of
 * `instancePaths` or, for a missing property, of its nearest parent; the first of repeated keys wins. The lines
 * and columns are counted in one more pass, however many pointers there are.
 */
export function locateAllInJson(text: string, instancePaths: readonly string[]): (Position | undefined)[] {
  const lengths = instancePaths.map((pointer) => splitPointer(pointer).length);
  const root: Node = { children: new Map(), through: [] };
  instancePaths.forEach((pointer, index) => {
    let node = root;
    node.through.push(index);
    for (const token of splitPointer(pointer)) {
      let child = node.children.get(token);
      if (!child) {
        child = { children: new Map(), through: [] };
        node.children.set(token, child);
      }
      child.through.push(index);
      node = child;
    }
  });
  const best = instancePaths.map(() => -1);
  const bestDepth = instancePaths.map(() => -1);
  let open = instancePaths.length;
  const end = scanJson(
    text,
    {
      value(path, offset) {
        let node: Node | undefined = root;
        for (let k = 0; k < path.length && node; k++) node = node.children.get(path[k] as string);
        if (!node) return false;
        const depth = path.length;
        for (const index of node.through) {
          if (depth <= (bestDepth[index] as number)) continue;
          best[index] = offset;
          bestDepth[index] = depth;
          if (depth === lengths[index]) open--;
        }
        return open === 0;
      },
    },
    true,
  );
  if (end.kind === 'invalid') return instancePaths.map(() => undefined);
  const found = best.filter((offset) => offset >= 0 && offset <= text.length);
  const places = lineColumns(text, found);
  return best.map((offset) => {
    const at = offset >= 0 ? places.get(offset) : undefined;
    return at ? { ...at, offset } : undefined;
  });
}

/** The position of one value: `locateAllInJson` for a single pointer. */
export function locateInJson(text: string, instancePath: string): Position | undefined {
  return locateAllInJson(text, [instancePath])[0];
}
