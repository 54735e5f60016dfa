// The default retry policy and timeout, as a caller who sets nothing meets them, with every
// number written out here (never read from the module): 3 attempts in all; a backoff of up to
// 250 ms, then 500 ms (full jitter); no single wait over 20,000 ms; no call past 60,000 ms; 10,000 ms
// an attempt. Observed on a fake clock: when each request went out, and when the call ended.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAlbumsClient, type RetryOptions } from "../../src/index.ts";
import { runUntilSettled, useFakeClock } from "./support/fake-clock.ts";
import { album, apiError, credentials, inTurn, json, recordingFetch, untilAborted } from "./support/recording-fetch.ts";

beforeEach(useFakeClock);
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const ok = () => json({ data: { album } });
const unavailable = () => apiError(503, "INTERNAL");
const throttled = (seconds: number) => () => apiError(429, "THROTTLED", { "retry-after": String(seconds) });

/** getAlbum with the defaults (only `retry` as given): when each request went out and how it ended, from its start. */
async function run(answers: Array<(request: Request) => Response | Promise<Response>>, retry?: RetryOptions) {
  const recording = recordingFetch(inTurn(...answers));
  const client = createAlbumsClient({ ...credentials, fetch: recording.fetch, ...(retry ? { retry } : {}) });
  const started = Date.now();
  const { value, error, at } = await runUntilSettled(client.getAlbum("B0064UPU4G"));
  return { sentAt: recording.sentAt.map((time) => time - started), value, error, endedAt: at - started };
}

describe("by default", () => {
  it("a call makes 3 attempts in all", async () => {
    const { sentAt, error } = await run([unavailable]);
    expect(sentAt).toHaveLength(3);
    expect(error).toMatchObject({ status: 503 });
  });

  it("the backoff before the first retry is up to 250 ms, before the second up to 500 ms", async () => {
    // The most the jitter can draw, then the least.
    vi.spyOn(Math, "random").mockReturnValue(0.999_999);
    expect((await run([unavailable, unavailable, ok])).sentAt).toEqual([0, 249, 249 + 499]);
    vi.spyOn(Math, "random").mockReturnValue(0);
    expect((await run([unavailable, unavailable, ok])).sentAt).toEqual([0, 0, 0]);
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    expect((await run([unavailable, unavailable, ok])).sentAt).toEqual([0, 125, 125 + 250]);
  });

  it("a Retry-After of 20 s is waited for, one of 21 s is not (maxDelayMs 20,000)", async () => {
    expect(await run([throttled(20), ok])).toMatchObject({ sentAt: [0, 20_000], value: album });
    expect(await run([throttled(21), ok])).toMatchObject({ sentAt: [0], endedAt: 0, error: { status: 429, retryAfterMs: 21_000 } });
  });

  it("no call goes on past 60,000 ms (deadlineMs): a wait that would end after it is not started", async () => {
    // Attempts enough that only the deadline stops the call: waits of 20 s end at 20, 40 and 60 s.
    const { sentAt, error, endedAt } = await run([throttled(20)], { maxAttempts: 10 });
    expect(sentAt).toEqual([0, 20_000, 40_000, 60_000]);
    expect(endedAt).toBe(60_000);
    expect(error).toMatchObject({ status: 429 });
  });

  it("an attempt that gets no answer ends after 10,000 ms (timeoutMs)", async () => {
    const { sentAt, error, endedAt } = await run([untilAborted], { maxAttempts: 1 });
    expect(sentAt).toEqual([0]);
    expect(endedAt).toBe(10_000);
    expect(error).toMatchObject({ name: "AlbumsTimeoutError", timeoutMs: 10_000 });
  });

  it("each attempt has its own 10,000 ms: three timeouts and two backoffs", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { sentAt, endedAt } = await run([untilAborted]);
    expect(sentAt).toEqual([0, 10_000, 20_000]);
    expect(endedAt).toBe(30_000);
  });
});
