// A token bucket per API key: `capacity` requests at once, refilled at `perSecond`. A request
// that finds the bucket empty is told how many whole seconds to wait (Retry-After). At most
// `maxKeys` buckets are kept, the least recently used forgotten first (a forgotten key starts
// with a full bucket), so clients sending endless new keys cannot grow the mock's memory.
import { LruMap } from "./lru.ts";

export interface RateLimit {
  capacity: number;
  perSecond: number;
  /** How many API keys' buckets are kept. */
  maxKeys: number;
}

export class RateLimiter {
  readonly #buckets: LruMap<string, { tokens: number; at: number }>;

  constructor(
    readonly limit: RateLimit,
    /** Milliseconds, monotonic: injected so that tests drive time instead of waiting for it. */
    readonly now: () => number = () => performance.now(),
  ) {
    this.#buckets = new LruMap(limit.maxKeys);
  }

  /** Undefined when the request may go; otherwise the whole seconds to wait. `key` is a digest, never the key itself. */
  take(key: string): number | undefined {
    const now = this.now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.limit.capacity, at: now };
    bucket.tokens = Math.min(this.limit.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.perSecond));
  }

  /** Every key's bucket full again. */
  clear(): void {
    this.#buckets.clear();
  }

  get keys(): number {
    return this.#buckets.size;
  }
}
