// When and how long to wait before trying a request again. Every operation of the API is
// idempotent (reads, and a save or remove that ends in the same state), so all may be retried.
import { AlbumsInputError } from "./errors.js";

export interface RetryOptions {
  /** Attempts in all, the first included. Default 3. */
  maxAttempts?: number | undefined;
  /** The first backoff's ceiling; it doubles with each attempt. Default 250 ms. */
  baseDelayMs?: number | undefined;
  /** The most any one wait may be, backoff or `Retry-After`. Default 20,000 ms. */
  maxDelayMs?: number | undefined;
  /** The most all attempts and waits of one call may take together. Default 60,000 ms. */
  deadlineMs?: number | undefined;
}

export type RetryPolicy = { [K in keyof RetryOptions]-?: number };

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 20_000,
  deadlineMs: 60_000,
};

/** 429 and the 5xx statuses a gateway or an overloaded service answers with. */
export const retryableStatuses: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** `false` turns retries off: one attempt. */
export function retryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  if (options === false) return { ...defaultRetryPolicy, maxAttempts: 1 };
  const policy = { ...defaultRetryPolicy };
  for (const name of Object.keys(policy) as Array<keyof RetryPolicy>) {
    const value = options?.[name];
    if (value === undefined) continue;
    const min = name === "maxAttempts" ? 1 : 0;
    if (!Number.isInteger(value) || value < min) {
      throw new AlbumsInputError(`retry.${name} must be a whole number of at least ${min}, not ${String(value)}.`);
    }
    policy[name] = value;
  }
  return policy;
}

/** Exponential backoff with full jitter: a random wait up to base * 2^(retry - 1), capped. */
export function backoffMs(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** Waits, unless the signal aborts first: then rejects with the signal's reason. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
