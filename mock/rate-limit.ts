// A token bucket per API key: `capacity` requests at once, refilled at `perSecond`. A request
// that finds the bucket empty is told how many whole seconds to wait (Retry-After).
export interface RateLimit {
  capacity: number;
  perSecond: number;
}

export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  constructor(readonly limit: RateLimit) {}

  /** Undefined when the request may go; otherwise the seconds to wait. */
  take(key: string): number | undefined {
    const now = performance.now();
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
}
