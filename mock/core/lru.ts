// A map that keeps at most `capacity` entries, forgetting the least recently used one first.
// The mock's per-user and per-key state lives in these, so no client can grow it without bound.
export class LruMap<K, V> {
  readonly #entries = new Map<K, V>();

  /** `onEvict` hears of each entry forgotten to make room. */
  constructor(
    readonly capacity: number,
    readonly onEvict: (key: K, value: V) => void = () => {},
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a whole number of at least 1, not ${capacity}`);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value, now the most recently used; undefined when absent (nothing is created). */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    // A Map iterates in insertion order: moving the key to the end makes it the newest.
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  /** Every entry, least recently used first, without making any of them used. */
  entries(): IterableIterator<[K, V]> {
    return this.#entries.entries();
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      const [oldest, value] = this.#entries.entries().next().value as [K, V];
      this.#entries.delete(oldest);
      this.onEvict(oldest, value);
    }
  }
}
