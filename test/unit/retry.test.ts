import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../src/retry-after.ts";
import { backoffMs, defaultRetryPolicy, retryPolicy, sleep } from "../../src/retry.ts";

describe("retryPolicy", () => {
  it("defaults to 3 attempts, and false means one", () => {
    expect(retryPolicy(undefined)).toEqual(defaultRetryPolicy);
    expect(defaultRetryPolicy.maxAttempts).toBe(3);
    expect(retryPolicy(false).maxAttempts).toBe(1);
    expect(retryPolicy({ maxAttempts: 5, baseDelayMs: undefined }).maxAttempts).toBe(5);
  });
});

describe("backoffMs", () => {
  const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000 };

  it("is full jitter: from 0 up to base * 2^(retry - 1)", () => {
    expect([1, 2, 3, 4].map((retry) => backoffMs(policy, retry, () => 0))).toEqual([0, 0, 0, 0]);
    expect([1, 2, 3, 4].map((retry) => backoffMs(policy, retry, () => 0.999_999))).toEqual([99, 199, 399, 799]);
  });

  it("never exceeds maxDelayMs", () => {
    expect(backoffMs(policy, 30, () => 0.999_999)).toBe(999);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("Tue, 24 Nov 2026 18:30:00 GMT");

  it("reads delay-seconds and HTTP dates", () => {
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Tue, 24 Nov 2026 18:30:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Tue, 24 Nov 2026 18:29:00 GMT", now)).toBe(0);
  });

  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-1", now)).toBeUndefined();
    // Only a whole value counts: seconds with a fraction or a unit, a date after other words.
    expect(parseRetryAfter("1.5", now)).toBeUndefined();
    expect(parseRetryAfter("2 seconds", now)).toBeUndefined();
    expect(parseRetryAfter("Next Tue, 24 Nov 2026 18:30:05 GMT", now)).toBeUndefined();
  });
});

describe("sleep", () => {
  // A sleep that ignored the signal would hold the test for a minute: past the test timeout.
  it("rejects with the signal's reason as soon as it aborts", async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
  });

  it("rejects at once when the signal has already aborted", async () => {
    await expect(sleep(60_000, AbortSignal.abort(new Error("already")))).rejects.toThrow("already");
  });
});
