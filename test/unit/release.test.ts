// Every call releases what it set up once it ends: the timeout timer of each attempt (a timer left
// behind keeps the process alive for up to `timeoutMs` after the call), and the abort listeners it
// put on the caller's signal (left behind, they pile up on a long-lived signal). Counted, not
// timed: pending fake timers, and the listeners on the signal.
import { getEventListeners } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAlbumsClient, type AlbumsClient } from "../../src/index.ts";
import { flushPromises, runUntilSettled, useFakeClock } from "./support/fake-clock.ts";
import { album, apiError, credentials, inTurn, json, recordingFetch } from "./support/recording-fetch.ts";

beforeEach(useFakeClock);
afterEach(() => vi.useRealTimers());

const albums = (request: Request) =>
  json({ data: { albums: (new URL(request.url).searchParams.get("ids") ?? "").split(",").map((id) => ({ ...album, id })) } });

const cases: Array<[string, (request: Request) => Response | Promise<Response>, (client: AlbumsClient, signal: AbortSignal) => Promise<unknown>]> = [
  ["an answer", () => json({ data: { album } }), (client, signal) => client.getAlbum("B0064UPU4G", { signal })],
  ["an error", () => apiError(404, "RESOURCE_NOT_FOUND"), (client, signal) => client.getAlbum("B0064UPU4G", { signal })],
  ["no answer at all", () => Promise.reject(new TypeError("fetch failed")), (client, signal) => client.saveLibraryAlbum("B0064UPU4G", { signal })],
  ["two failed attempts, then an answer", inTurn(() => apiError(503, "INTERNAL"), () => apiError(429, "THROTTLED", { "retry-after": "1" }), () => json({ data: { album } })), (client, signal) => client.getAlbum("B0064UPU4G", { signal })],
  ["a batch of three requests", albums, (client, signal) => client.getAlbums(Array.from({ length: 250 }, (_, i) => `B${String(i).padStart(9, "0")}`), { signal })],
];

describe("after a call", () => {
  it.each(cases)("that ends with %s, no timer is left and the caller's signal has no listener", async (_, answer, call) => {
    const { fetch, requests } = recordingFetch(answer);
    const client = createAlbumsClient({ ...credentials, fetch, timeoutMs: 60_000, retry: { baseDelayMs: 10 } });
    const signal = new AbortController().signal;
    await runUntilSettled(call(client, signal));
    expect(requests.length).toBeGreaterThan(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  it("cancelled by the caller during a wait, nothing is left either", async () => {
    const { fetch, requested } = recordingFetch(() => apiError(429, "THROTTLED", { "retry-after": "10" }));
    const client = createAlbumsClient({ ...credentials, fetch });
    const controller = new AbortController();
    const call = client.getAlbum("B0064UPU4G", { signal: controller.signal });
    await requested();
    // The answer is handled with promise callbacks only: once they have run, the 10 s wait has begun.
    await flushPromises();
    expect(vi.getTimerCount()).toBe(1);
    controller.abort(new Error("stop"));
    expect((await runUntilSettled(call)).error).toEqual(new Error("stop"));
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
