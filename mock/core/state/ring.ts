/**
 * A buffer bounded by a count and by a byte budget that keeps the newest items: memory stays flat however long
 * the mock runs (a soak test posts millions of requests) and whatever size clients make each item. Every item
 * gets a sequence number, so a listing can page through it with a cursor that stays valid as items come and go.
 */
export class Ring<T> {
  readonly #items: (T | undefined)[];
  readonly #bytes: Float64Array;
  /** Sequence number of the oldest item held; the newest is `#first + #size - 1`. */
  #first = 0;
  #size = 0;
  #totalBytes = 0;
  #dropped = 0;
  #droppedBytes = 0;

  /** `maxBytes` bounds the sum of the sizes given to `push` (items pushed without a size count 0). */
  constructor(
    readonly capacity: number,
    readonly maxBytes: number = Number.POSITIVE_INFINITY,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('a ring needs a capacity of at least 1');
    if (!(maxBytes > 0)) throw new RangeError('a ring needs a byte budget above 0');
    this.#items = new Array<T | undefined>(capacity);
    this.#bytes = new Float64Array(capacity);
  }

  /** Adds an item of about `bytes` bytes, evicting the oldest ones while the count or the budget is exceeded. */
  push(item: T, bytes = 0): number {
    while (this.#size > 0 && (this.#size === this.capacity || this.#totalBytes + bytes > this.maxBytes)) {
      this.#evict();
    }
    const seq = this.#first + this.#size;
    const slot = seq % this.capacity;
    this.#items[slot] = item;
    this.#bytes[slot] = bytes;
    this.#totalBytes += bytes;
    this.#size++;
    return seq;
  }

  #evict(): void {
    const slot = this.#first % this.capacity;
    this.#dropped++;
    this.#droppedBytes += this.#bytes[slot] ?? 0;
    this.#totalBytes -= this.#bytes[slot] ?? 0;
    this.#items[slot] = undefined;
    this.#first++;
    this.#size--;
  }

  /** How many items were evicted (by count or by bytes) since the last clear. */
  get dropped(): number {
    return this.#dropped;
  }

  /** The bytes of the items evicted since the last clear. */
  get droppedBytes(): number {
    return this.#droppedBytes;
  }

  /** The bytes held now, as given to `push`. */
  get bytes(): number {
    return this.#totalBytes;
  }

  get size(): number {
    return this.#size;
  }

  /** Sequence number of the oldest item held (equal to `end` when empty). */
  get start(): number {
    return this.#first;
  }

  /** Sequence number the next item will get. */
  get end(): number {
    return this.#first + this.#size;
  }

  /** The item with sequence number `seq`, if it is still held. */
  at(seq: number): T | undefined {
    if (seq < this.#first || seq >= this.end) return undefined;
    return this.#items[seq % this.capacity];
  }

  /** The items, oldest first; `limit` keeps only the newest ones. */
  toArray(limit = this.#size): T[] {
    const count = Math.max(0, Math.min(limit, this.#size));
    const out: T[] = [];
    for (let seq = this.end - count; seq < this.end; seq++) out.push(this.at(seq) as T);
    return out;
  }

  clear(): void {
    this.#items.fill(undefined);
    this.#bytes.fill(0);
    // Sequence numbers go on from where they were, so a cursor from before the clear never points at new items.
    this.#first += this.#size;
    this.#size = 0;
    this.#totalBytes = 0;
    this.#dropped = 0;
    this.#droppedBytes = 0;
  }
}
