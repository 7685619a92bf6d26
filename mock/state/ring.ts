/**
 * A fixed-capacity buffer that keeps the newest items: memory stays flat however long the mock runs (a soak test
 * posts millions of requests), and a push never allocates beyond the item itself.
 */
export class Ring<T> {
  readonly #items: (T | undefined)[];
  #next = 0;
  #size = 0;
  #dropped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('a ring needs a capacity of at least 1');
    this.#items = new Array<T | undefined>(capacity);
  }

  /** Adds an item, overwriting the oldest one when full. */
  push(item: T): void {
    if (this.#size === this.capacity) this.#dropped++;
    else this.#size++;
    this.#items[this.#next] = item;
    this.#next = (this.#next + 1) % this.capacity;
  }

  /** How many items were overwritten since the last clear. */
  get dropped(): number {
    return this.#dropped;
  }

  get size(): number {
    return this.#size;
  }

  /** The items, oldest first; `limit` keeps only the newest ones. */
  toArray(limit = this.#size): T[] {
    const count = Math.max(0, Math.min(limit, this.#size));
    const out: T[] = [];
    for (let i = this.#size - count; i < this.#size; i++) {
      out.push(this.#items[(this.#next - this.#size + i + this.capacity) % this.capacity] as T);
    }
    return out;
  }

  clear(): void {
    this.#items.fill(undefined);
    this.#next = 0;
    this.#size = 0;
    this.#dropped = 0;
  }
}
