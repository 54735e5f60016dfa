// How long the client waits between attempts, to the millisecond, on a fake clock: the backoff,
// the Retry-After the API asks for, and the two limits on waiting (maxDelayMs for one wait,
// deadlineMs for the whole call). No real time passes, so the outcome cannot depend on speed.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAlbumsClient, type RetryOptions } from "../../src/index.ts";
import { epoch, runUntilSettled, useFakeClock } from "./support/fake-clock.ts";
import { album, apiError, credentials, inTurn, json, recordingFetch } from "./support/recording-fetch.ts";

beforeEach(useFakeClock);
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const ok = () => json({ data: { album } });
const throttled = (retryAfter: string) => () => apiError(429, "THROTTLED", { "retry-after": retryAfter });

/** Calls getAlbum against the answers; the fake times of its requests (from 0) and how it ended. */
async function run(answers: Array<(request: Request) => Response | Promise<Response>>, retry: RetryOptions = {}) {
  const recording = recordingFetch(inTurn(...answers));
  const client = createAlbumsClient({ ...credentials, fetch: recording.fetch, retry });
  const { value, error, at } = await runUntilSettled(client.getAlbum("B0064UPU4G"));
  return { sentAt: recording.sentAt.map((time) => time - epoch), value, error, endedAt: at - epoch };
}

describe("Retry-After", () => {
  it("in seconds is waited for exactly", async () => {
    expect(await run([throttled("2"), ok])).toMatchObject({ sentAt: [0, 2000], value: album });
  });

  it("as an HTTP date is waited for until that date", async () => {
    const inFiveSeconds = new Date(epoch + 5000).toUTCString();
    expect(await run([throttled(inFiveSeconds), ok])).toMatchObject({ sentAt: [0, 5000], value: album });
  });

  it("of 0 retries at once", async () => {
    expect(await run([throttled("0"), ok])).toMatchObject({ sentAt: [0, 0], value: album });
  });

  it("takes the place of the backoff", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    expect(await run([throttled("1"), ok], { baseDelayMs: 10_000 })).toMatchObject({ sentAt: [0, 1000] });
  });
});

describe("maxDelayMs", () => {
  it("caps Retry-After: a longer one is not waited for, and the error says how long was asked", async () => {
    // The deadline (60 s by default) is far: only maxDelayMs can stop this wait.
    const { sentAt, error, endedAt } = await run([throttled("2"), ok], { maxDelayMs: 1000 });
    expect(sentAt).toEqual([0]);
    expect(endedAt).toBe(0);
    expect(error).toMatchObject({ name: "AlbumsApiError", status: 429, retryAfterMs: 2000 });
  });

  it("is itself a wait the client accepts", async () => {
    expect(await run([throttled("1"), ok], { maxDelayMs: 1000 })).toMatchObject({ sentAt: [0, 1000], value: album });
  });
});

describe("deadlineMs", () => {
  it("allows a wait that ends exactly at the deadline, and none past it", async () => {
    const { sentAt, error, endedAt } = await run([throttled("1"), throttled("1"), ok], { deadlineMs: 1000 });
    expect(sentAt).toEqual([0, 1000]);
    expect(endedAt).toBe(1000);
    expect(error).toMatchObject({ status: 429 });
  });

  it("counts the time the attempts took, not only the waits", async () => {
    // The answer takes 600 ms: 600 + a wait of 1000 would pass a deadline of 1000.
    const slowThrottled = () => new Promise<Response>((resolve) => setTimeout(() => resolve(throttled("1")()), 600));
    const { sentAt, error, endedAt } = await run([slowThrottled, ok], { deadlineMs: 1000 });
    expect(sentAt).toEqual([0]);
    expect(endedAt).toBe(600);
    expect(error).toMatchObject({ status: 429 });
  });
});

describe("the backoff", () => {
  it("waits a random part of baseDelayMs * 2^(retry - 1), full jitter", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const failed = () => apiError(503, "INTERNAL");
    expect(await run([failed, failed, failed, ok], { baseDelayMs: 100, maxAttempts: 4 })).toMatchObject({
      sentAt: [0, 50, 150, 350],
      value: album,
    });
  });

  it("follows a failed connection too", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const refused = () => Promise.reject(new TypeError("fetch failed"));
    expect(await run([refused, ok], { baseDelayMs: 100 })).toMatchObject({ sentAt: [0, 50], value: album });
  });

  it("stops after maxAttempts, with the last answer's error", async () => {
    const { sentAt, error } = await run([() => apiError(503, "INTERNAL"), () => apiError(502, "DEPENDENCY")], { baseDelayMs: 0, maxAttempts: 2 });
    expect(sentAt).toEqual([0, 0]);
    expect(error).toMatchObject({ status: 502, code: "DEPENDENCY" });
  });
});
