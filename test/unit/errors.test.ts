// What the client's errors hold and how they print: each class's name, toJSON (the fields a log
// wants, never the stack, the cause or a credential), a network error's cause, the messages that
// name a failed batch's IDs and the pages read.
import { describe, expect, it } from "vitest";
import { withIds } from "../../src/errors.ts";
import {
  AlbumsApiError,
  AlbumsError,
  AlbumsInputError,
  AlbumsNetworkError,
  AlbumsPaginationError,
  AlbumsTimeoutError,
  createAlbumsClient,
} from "../../src/index.ts";
import { failure } from "../support/failure.ts";
import { credentials, json, recordingFetch } from "./support/recording-fetch.ts";

/** What getAlbum rejects with when fetch answers this way (once: no retries). */
function errorFor(answer: () => Response | Promise<Response>): Promise<unknown> {
  return failure(createAlbumsClient({ ...credentials, fetch: recordingFetch(answer).fetch, retry: false }).getAlbum("B0064UPU4G"));
}

describe("each error class", () => {
  it("is named after itself, and is an AlbumsError", () => {
    const errors = [
      new AlbumsError("x"),
      new AlbumsInputError("x"),
      new AlbumsNetworkError("getAlbum", new TypeError("fetch failed")),
      new AlbumsTimeoutError("getAlbum", 10),
      new AlbumsPaginationError("x", 1),
    ];
    expect(errors.map((error) => error.name)).toEqual(["AlbumsError", "AlbumsInputError", "AlbumsNetworkError", "AlbumsTimeoutError", "AlbumsPaginationError"]);
    for (const error of errors) expect(error).toBeInstanceOf(AlbumsError);
  });
});

describe("toJSON", () => {
  it("of an API error holds every field, the name and the message", async () => {
    const body = { error: { status: "429", code: "THROTTLED", message: "Slow down.", reference: "ref-1" } };
    const error = await errorFor(() => json(body, 429, { "retry-after": "3" }));
    expect((error as AlbumsApiError).toJSON()).toEqual({
      name: "AlbumsApiError",
      message: "getAlbum failed with 429 THROTTLED: Slow down.",
      ids: undefined,
      status: 429,
      code: "THROTTLED",
      reference: "ref-1",
      retryAfterMs: 3000,
      operation: "getAlbum",
      headers: { "content-type": "application/json", "retry-after": "3", "content-length": String(JSON.stringify(body).length) },
      body,
    });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: "AlbumsApiError", status: 429, code: "THROTTLED" });
  });

  it("of a network error has neither its cause nor its stack", async () => {
    const cause = new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:443") });
    const error = (await errorFor(() => Promise.reject(cause))) as AlbumsNetworkError;
    const printed = JSON.stringify(error);
    expect(JSON.parse(printed)).toEqual({
      name: "AlbumsNetworkError",
      message: "getAlbum failed: no answer from the API (fetch failed: connect ECONNREFUSED 127.0.0.1:443)",
      operation: "getAlbum",
    });
    expect(Object.keys(error.toJSON())).not.toContain("stack");
    expect(Object.keys(error.toJSON())).not.toContain("cause");
  });

  it("of a batch's error carries its IDs", () => {
    expect(withIds(new AlbumsInputError("x"), ["B0064UPU4G"]).toJSON()).toMatchObject({ ids: ["B0064UPU4G"] });
  });
});

describe("a network error", () => {
  it("keeps what fetch threw as its cause, and quotes it and the socket's reason", async () => {
    const cause = new TypeError("fetch failed", { cause: new Error("read ECONNRESET") });
    const error = await errorFor(() => Promise.reject(cause));
    expect(error).toBeInstanceOf(AlbumsNetworkError);
    expect((error as Error).cause).toBe(cause);
    expect((error as Error).message).toBe("getAlbum failed: no answer from the API (fetch failed: read ECONNRESET)");
  });

  it("quotes a cause without a reason of its own, or one that is not an Error", async () => {
    expect(((await errorFor(() => Promise.reject(new TypeError("fetch failed")))) as Error).message).toBe(
      "getAlbum failed: no answer from the API (fetch failed)",
    );
    expect(((await errorFor(() => Promise.reject("offline"))) as Error).message).toBe("getAlbum failed: no answer from the API (offline)");
  });
});

describe("withIds", () => {
  it.each([
    [["B0064UPU4G"], "x [the request for 1 ID: B0064UPU4G]"],
    [["B0064UPU4G", "B00D3PLC1K", "B000000003"], "x [the request for 3 IDs: B0064UPU4G, B00D3PLC1K, B000000003]"],
    [["B0064UPU4G", "B00D3PLC1K", "B000000003", "B000000004"], "x [the request for 4 IDs: B0064UPU4G, B00D3PLC1K, B000000003 and 1 more]"],
  ])("names the IDs of the request: %j", (ids, message) => {
    const error = withIds(new AlbumsInputError("x"), ids);
    expect(error.message).toBe(message);
    expect(error.ids).toBe(ids);
  });
});

describe("AlbumsPaginationError", () => {
  it("says how many pages were read", () => {
    expect(new AlbumsPaginationError("the token came back", 1).message).toBe(
      "getLibraryAlbums: the token came back after 1 page; stopped instead of looping.",
    );
    expect(new AlbumsPaginationError("the token came back", 2).message).toBe(
      "getLibraryAlbums: the token came back after 2 pages; stopped instead of looping.",
    );
  });
});
