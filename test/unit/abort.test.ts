// The caller's signal ends a call at once, whatever the call is doing: waiting for an answer
// (first attempt or a retry), or between attempts. On a fake clock, "at once" is exact: the call
// settles before the clock moves, where a client deaf to the signal would settle only when the
// attempt's timeout fires, `timeoutMs` later.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAlbumsClient } from "../../src/index.ts";
import { epoch, runUntilSettled, useFakeClock } from "./support/fake-clock.ts";
import { album, apiError, credentials, inTurn, json, recordingFetch, untilAborted } from "./support/recording-fetch.ts";

beforeEach(useFakeClock);
afterEach(() => vi.useRealTimers());

const timeoutMs = 5_000;
const reason = new Error("the caller gave up");

describe("the caller's signal", () => {
  it("aborts a request in flight at once, with the caller's reason", async () => {
    const recording = recordingFetch(untilAborted);
    const client = createAlbumsClient({ ...credentials, fetch: recording.fetch, timeoutMs });
    const controller = new AbortController();
    const call = client.getAlbum("B0064UPU4G", { signal: controller.signal });
    await recording.requested();
    controller.abort(reason);
    expect(await runUntilSettled(call)).toEqual({ error: reason, at: epoch });
    expect(recording.requests).toHaveLength(1);
  });

  it("aborts a retried request in flight at once", async () => {
    const recording = recordingFetch(inTurn(() => apiError(503, "INTERNAL"), untilAborted));
    const client = createAlbumsClient({ ...credentials, fetch: recording.fetch, timeoutMs, retry: { baseDelayMs: 0 } });
    const controller = new AbortController();
    const call = client.getAlbum("B0064UPU4G", { signal: controller.signal });
    // The zero wait before the retry is a timer too: fire it.
    while (recording.requests.length < 2) await vi.advanceTimersToNextTimerAsync();
    const abortedAt = Date.now();
    controller.abort(reason);
    expect(await runUntilSettled(call)).toEqual({ error: reason, at: abortedAt });
    expect(recording.requests).toHaveLength(2);
  });

  it("aborts every request of a getAlbums batch at once", async () => {
    const recording = recordingFetch(untilAborted);
    const client = createAlbumsClient({ ...credentials, fetch: recording.fetch, timeoutMs, concurrency: 2 });
    const ids = Array.from({ length: 150 }, (_, i) => `B${String(i).padStart(9, "0")}`);
    const controller = new AbortController();
    const call = client.getAlbums(ids, { signal: controller.signal });
    await recording.requested(2);
    controller.abort(reason);
    expect(await runUntilSettled(call)).toEqual({ error: reason, at: epoch });
    expect(recording.requests.every((request) => request.signal.aborted)).toBe(true);
  });

  it("that has already aborted sends nothing", async () => {
    const recording = recordingFetch(async (request) => (request.signal.aborted ? untilAborted(request) : json({ data: { album } })));
    const client = createAlbumsClient({ ...credentials, fetch: recording.fetch, timeoutMs });
    const signal = AbortSignal.abort(reason);
    expect(await runUntilSettled(client.getAlbum("B0064UPU4G", { signal }))).toEqual({ error: reason, at: epoch });
    // getAlbums does not even start a request.
    expect(await runUntilSettled(client.getAlbums(["B0064UPU4G"], { signal }))).toEqual({ error: reason, at: epoch });
    expect(recording.requests.every((request) => request.signal.aborted)).toBe(true);
    expect(recording.requests).toHaveLength(1);
  });

  it("may give any reason, a string included, and the call rejects with it", async () => {
    const recording = recordingFetch(untilAborted);
    const client = createAlbumsClient({ ...credentials, fetch: recording.fetch, timeoutMs });
    const controller = new AbortController();
    const call = client.getAlbum("B0064UPU4G", { signal: controller.signal });
    await recording.requested();
    controller.abort("stop");
    expect(await runUntilSettled(call)).toEqual({ error: "stop", at: epoch });
  });
});

it("without a signal, a request that never answers ends at its timeout", async () => {
  const recording = recordingFetch(untilAborted);
  const client = createAlbumsClient({ ...credentials, fetch: recording.fetch, timeoutMs, retry: false });
  const { error, at } = await runUntilSettled(client.getAlbum("B0064UPU4G"));
  expect(error).toMatchObject({ name: "AlbumsTimeoutError", timeoutMs });
  expect(at).toBe(epoch + timeoutMs);
});
