/** JSON Pointer (RFC 6901) helpers over plain JSON values. */

/** Escapes one reference token (RFC 6901 section 4). */
export function escapeToken(token: string | number): string {
  const text = String(token);
  return text.includes('~') || text.includes('/') ? text.replaceAll('~', '~0').replaceAll('/', '~1') : text;
}

/** Unescapes one reference token (RFC 6901 section 4). */
export function unescapeToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** Joins a pointer and more tokens: `joinPointer('/a', 'b~c', 0)` is `/a/b~0c/0`. */
export function joinPointer(base: string, ...tokens: Array<string | number>): string {
  let out = base;
  for (const token of tokens) out += `/${escapeToken(token)}`;
  return out;
}

/** Splits a pointer into unescaped tokens; `''` is the whole document. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapeToken);
}

/** Reads the value at a pointer, or `undefined` when the path does not exist. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const token of splitPointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** Maps every object and array inside `root` to the pointer of its first occurrence. */
export function indexPointers(root: unknown): Map<object, string> {
  const index = new Map<object, string>();
  const visit = (node: unknown, pointer: string): void => {
    if (node === null || typeof node !== 'object' || index.has(node)) return;
    index.set(node, pointer);
    if (Array.isArray(node)) for (const [i, child] of node.entries()) visit(child, `${pointer}/${i}`);
    else for (const [key, child] of Object.entries(node)) visit(child, joinPointer(pointer, key));
  };
  visit(root, '');
  return index;
}
