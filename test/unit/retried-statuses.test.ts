// Which answers are tried again, status by status: 429, 500, 502, 503 and 504 are; no other is.
// Each status is its own test, so that dropping one from the list, or adding one, fails by name.
import { describe, expect, it } from "vitest";
import { createAlbumsClient } from "../../src/index.ts";
import { failure } from "../support/failure.ts";
import { album, apiError, credentials, inTurn, json, recordingFetch } from "./support/recording-fetch.ts";

/** getAlbum against one answer of `status`, then a success: how many requests it took, and how it ended. */
async function run(status: number) {
  const recording = recordingFetch(inTurn(() => apiError(status, "FROM_THE_TEST"), () => json({ data: { album } })));
  const client = createAlbumsClient({ ...credentials, fetch: recording.fetch, retry: { baseDelayMs: 0 } });
  const outcome = await client.getAlbum("B0064UPU4G").then((value) => ({ value }), (error: unknown) => ({ error }));
  return { requests: recording.requests.length, ...outcome };
}

describe("retried", () => {
  it.each([429, 500, 502, 503, 504])("%i: tried again, and the second answer is the call's", async (status) => {
    expect(await run(status)).toEqual({ requests: 2, value: album });
  });
});

describe("not retried", () => {
  it.each([400, 401, 402, 403, 404, 405, 406, 408, 409, 410, 412, 413, 414, 415, 418, 422, 425, 426, 428, 431, 451, 501, 505, 506, 507, 508, 510, 511, 599])(
    "%i: one request, and its error",
    async (status) => {
      const { requests, error } = (await run(status)) as { requests: number; error?: unknown };
      expect(requests).toBe(1);
      expect(error).toMatchObject({ name: "AlbumsApiError", status, code: "FROM_THE_TEST" });
    },
  );

  it("a 2xx that is not the data envelope: one request", async () => {
    const recording = recordingFetch(() => json({ album }, 200));
    const client = createAlbumsClient({ ...credentials, fetch: recording.fetch, retry: { baseDelayMs: 0 } });
    expect(await failure(client.getAlbum("B0064UPU4G"))).toMatchObject({ status: 200, code: "UNEXPECTED_RESPONSE" });
    expect(recording.requests).toHaveLength(1);
  });
});
