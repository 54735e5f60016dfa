// The limit on an answer's decoded body, to the byte: maxResponseBytes (default 10 MiB = 10,485,760
// bytes) is read, one byte more is refused (RESPONSE_TOO_LARGE), and the body is read no further
// than the piece that passed it. A Content-Length past the limit is refused before any read, unless
// the body is compressed (the length then counts the compressed bytes, not what they inflate to).
import { describe, expect, it } from "vitest";
import { AlbumsInputError, createAlbumsClient, type AlbumsApiError, type AlbumsClientOptions } from "../../src/index.ts";
import { largeInputBudgetMs } from "../support/budgets.ts";
import { failure } from "../support/failure.ts";
import { credentials, recordingFetch } from "./support/recording-fetch.ts";

/** A body of `size` bytes in pieces of `piece`; `pulled()` says how many pieces were read. */
function streamed(size: number, piece: number, headers: Record<string, string> = {}) {
  let pulled = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const left = size - pulled * piece;
      if (left <= 0) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(Math.min(piece, left)).fill(0x20));
    },
    cancel() {
      cancelled = true;
    },
  }, { highWaterMark: 0 });
  const response = () => new Response(stream, { status: 200, headers: { "content-type": "application/json", ...headers } });
  return { response, pulled: () => pulled, cancelled: () => cancelled };
}

/**
 * How getAlbum fails on that body (blanks: no JSON, so a body read whole is UNEXPECTED_RESPONSE).
 * The code, status and body's length only: a failed match would print megabytes of body otherwise.
 */
async function outcome(response: () => Response, options: Partial<AlbumsClientOptions> = {}) {
  const client = createAlbumsClient({ ...credentials, fetch: recordingFetch(response).fetch, ...options });
  const { code, status, body } = (await failure(client.getAlbum("B0064UPU4G"))) as AlbumsApiError;
  return { code, status, bodyLength: typeof body === "string" ? body.length : body };
}

const defaultLimit = 10_485_760;

describe("maxResponseBytes", () => {
  // 10 MiB read, decoded and parsed twice over: seconds of CPU on a busy machine.
  it("is 10 MiB by default: a body of exactly 10,485,760 bytes is read, one byte more is not", { timeout: largeInputBudgetMs }, async () => {
    expect(await outcome(streamed(defaultLimit, 1024 * 1024).response)).toMatchObject({ code: "UNEXPECTED_RESPONSE" });
    const over = streamed(defaultLimit + 1, 1024 * 1024);
    expect(await outcome(over.response)).toEqual({ code: "RESPONSE_TOO_LARGE", status: 200, bodyLength: undefined });
    expect([over.pulled(), over.cancelled()]).toEqual([11, true]);
  });

  it("set to a number is that number of bytes, exactly", async () => {
    expect(await outcome(streamed(1000, 100).response, { maxResponseBytes: 1000 })).toMatchObject({ code: "UNEXPECTED_RESPONSE" });
    const over = streamed(1001, 100);
    expect(await outcome(over.response, { maxResponseBytes: 1000 })).toMatchObject({ code: "RESPONSE_TOO_LARGE" });
    // The eleventh piece passed the limit: nothing after it was asked for.
    expect([over.pulled(), over.cancelled()]).toEqual([11, true]);
  });

  it("refuses a Content-Length past it before reading anything", async () => {
    const body = streamed(1001, 100, { "content-length": "1001" });
    expect(await outcome(body.response, { maxResponseBytes: 1000 })).toMatchObject({ code: "RESPONSE_TOO_LARGE" });
    expect([body.pulled(), body.cancelled()]).toEqual([0, true]);
  });

  it("reads a compressed body however long its Content-Length, and counts what it inflates to", async () => {
    // The fetch has inflated it already: 800 bytes, where the compressed length said 5,000.
    const body = streamed(800, 100, { "content-length": "5000", "content-encoding": "gzip" });
    expect(await outcome(body.response, { maxResponseBytes: 1000 })).toMatchObject({ code: "UNEXPECTED_RESPONSE" });
  });

  it("counts bytes, not characters", async () => {
    // 400 characters of three bytes each: 1,200 bytes.
    const text = JSON.stringify({ data: { album: { id: "B0064UPU4G", title: "€".repeat(400) } } });
    const response = () => new Response(text, { headers: { "content-type": "application/json" } });
    expect(await outcome(response, { maxResponseBytes: 1000 })).toMatchObject({ code: "RESPONSE_TOO_LARGE" });
    const client = createAlbumsClient({ ...credentials, fetch: recordingFetch(response).fetch, maxResponseBytes: 1300 });
    expect((await client.getAlbum("B0064UPU4G")).title).toBe("€".repeat(400));
  });

  it.each([0, -1, 1.5, Number.POSITIVE_INFINITY, "1000"])("of %s is refused at creation", (maxResponseBytes) => {
    const create = () => createAlbumsClient({ ...credentials, maxResponseBytes: maxResponseBytes as number });
    expect(create).toThrow(AlbumsInputError);
    expect(create).toThrow(/^maxResponseBytes must be a whole number of at least 1, not /);
  });
});
