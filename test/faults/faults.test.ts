// The client against a real HTTP server that misbehaves as real APIs and networks do. Each
// test asserts the documented outcome and how many requests were made. No outcome depends on the
// machine's speed: tests await the server's or the client's events instead of sleeping, a test
// about a wait checks it against the moments the server saw, and the ones that wait on real time
// have budgets of their own, generous for a loaded machine (exact timings are unit tests, on a
// fake clock: test/unit/retry-waits.test.ts).
import { afterEach, describe, expect, it } from "vitest";
import {
  AlbumsApiError,
  AlbumsNetworkError,
  AlbumsPaginationError,
  AlbumsTimeoutError,
  createAlbumsClient,
  type AlbumsClientOptions,
} from "../../src/index.ts";
import {
  album,
  apiError,
  html502,
  json,
  libraryPage,
  ok,
  reset,
  stall,
  startFaultServer,
  truncatedJson,
  type FaultServer,
  type Step,
} from "./fault-server.ts";
import { failure } from "../support/failure.ts";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server running the script, and a client of it with short backoffs. */
async function against(steps: Step[], options: Partial<AlbumsClientOptions> = {}) {
  server = await startFaultServer(steps);
  const client = createAlbumsClient({
    apiKey: "amzn1.application.faults",
    accessToken: "faults-token",
    baseUrl: server.url,
    retry: { baseDelayMs: 1 },
    ...options,
  });
  return { client, requests: server.requests, arrived: server.arrived };
}

/** Timers and Date.now() count whole milliseconds: what a measured wait may lose to rounding. */
const roundingMs = 5;
/** For the tests that wait on real time: a few seconds of waiting, on a machine that may be loaded. */
const realTime = { timeout: 30_000 };
/** When the server saw request `index`. */
const at = (requests: FaultServer["requests"], index: number) => requests[index]?.at ?? Number.NaN;


describe("retries", () => {
  it("a 503 twice, then success: the album, after 3 requests", async () => {
    const { client, requests } = await against([apiError(503, "INTERNAL"), apiError(503, "INTERNAL"), ok]);
    expect(await client.getAlbum("B0064UPU4G")).toEqual(album);
    expect(requests).toHaveLength(3);
  });

  it("a 503 every time: AlbumsApiError 503 after maxAttempts (3) requests", async () => {
    const { client, requests } = await against([apiError(503, "INTERNAL")]);
    expect(await failure(client.getAlbum("B0064UPU4G"))).toMatchObject({ name: "AlbumsApiError", status: 503, code: "INTERNAL" });
    expect(requests).toHaveLength(3);
  });

  it("retry: false makes one attempt", async () => {
    const { client, requests } = await against([apiError(503, "INTERNAL")], { retry: false });
    expect(await failure(client.getAlbum("B0064UPU4G"))).toBeInstanceOf(AlbumsApiError);
    expect(requests).toHaveLength(1);
  });

  it("a 404 is not retried", async () => {
    const { client, requests } = await against([apiError(404, "RESOURCE_NOT_FOUND")]);
    expect(await failure(client.getAlbum("B0064UPU4G"))).toMatchObject({ status: 404, code: "RESOURCE_NOT_FOUND" });
    expect(requests).toHaveLength(1);
  });

  it("a 429 with Retry-After: 1 is retried no sooner than a second later", realTime, async () => {
    // A zero backoff, so that only Retry-After can make the client wait.
    const { client, requests } = await against([apiError(429, "THROTTLED", { "retry-after": "1" }), ok], { retry: { baseDelayMs: 0 } });
    expect(await client.getAlbum("B0064UPU4G")).toEqual(album);
    expect(requests).toHaveLength(2);
    expect(at(requests, 1) - at(requests, 0)).toBeGreaterThanOrEqual(1000 - roundingMs);
  });

  it("a Retry-After as an HTTP date is waited for until that date", realTime, async () => {
    // The date is written when the server answers, on a whole second (an HTTP date has no finer
    // unit) at least a second ahead: however long anything before took, the wait is one to two seconds.
    let named = Number.POSITIVE_INFINITY;
    const throttledUntilDate: Step = (request, response) => {
      named = Math.ceil((Date.now() + 1000) / 1000) * 1000;
      apiError(429, "THROTTLED", { "retry-after": new Date(named).toUTCString() })(request, response);
    };
    const { client, requests } = await against([throttledUntilDate, ok], { retry: { baseDelayMs: 0 } });
    expect(await client.getAlbum("B0064UPU4G")).toEqual(album);
    expect(requests).toHaveLength(2);
    expect(at(requests, 1)).toBeGreaterThanOrEqual(named - roundingMs);
  });

  it("a Retry-After beyond maxDelayMs is not waited for: the error says how long was asked", async () => {
    // A deadline of an hour: only maxDelayMs (20 s by default) can refuse this two-minute wait.
    const { client, requests } = await against([apiError(429, "THROTTLED", { "retry-after": "120" })], {
      retry: { baseDelayMs: 1, deadlineMs: 3_600_000 },
    });
    expect(await failure(client.getAlbum("B0064UPU4G"))).toMatchObject({ status: 429, code: "THROTTLED", retryAfterMs: 120_000 });
    expect(requests).toHaveLength(1);
  });

  it("a wait that would pass the deadline is not started", async () => {
    const { client, requests } = await against([apiError(429, "THROTTLED", { "retry-after": "2" })], {
      retry: { baseDelayMs: 1, deadlineMs: 1000 },
    });
    expect(await failure(client.getAlbum("B0064UPU4G"))).toMatchObject({ status: 429, retryAfterMs: 2000 });
    expect(requests).toHaveLength(1);
  });

  it("the caller's signal cancels a wait: rejected with the caller's reason, no further request", realTime, async () => {
    // An hour's wait, allowed: a client deaf to the signal would outlast the test's budget.
    let answered: () => void = () => {};
    const answer = new Promise<void>((resolve) => (answered = resolve));
    const { client, requests } = await against([apiError(429, "THROTTLED", { "retry-after": "3600" })], {
      retry: { maxDelayMs: 3_600_000, deadlineMs: 7_200_000 },
      // Tells the test when the client has the whole answer in hand.
      fetch: async (request) => {
        const response = await globalThis.fetch(request);
        const body = await response.arrayBuffer();
        answered();
        return new Response(body, response);
      },
    });
    const controller = new AbortController();
    const call = failure(client.getAlbum("B0064UPU4G", { signal: controller.signal }));
    await answer;
    // From the answer to the wait the client runs promise callbacks only: once they have run, it waits.
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error("the caller gave up"));
    expect(await call).toMatchObject({ message: "the caller gave up" });
    expect(requests).toHaveLength(1);
  });

  it("the caller's signal aborts a request in flight: rejected with the caller's reason", realTime, async () => {
    // An attempt may take an hour: a client deaf to the signal would outlast the test's budget.
    const { client, arrived } = await against([stall], { timeoutMs: 3_600_000 });
    const controller = new AbortController();
    const call = failure(client.getAlbum("B0064UPU4G", { signal: controller.signal }));
    await arrived();
    controller.abort(new Error("the caller gave up"));
    expect(await call).toMatchObject({ message: "the caller gave up" });
  });
});

describe("network failures", () => {
  it("a reset connection, then success: the album, after 2 requests", async () => {
    const { client, requests } = await against([reset, ok]);
    expect(await client.getAlbum("B0064UPU4G")).toEqual(album);
    expect(requests).toHaveLength(2);
  });

  it("a reset every time: AlbumsNetworkError after 3 requests", async () => {
    const { client, requests } = await against([reset]);
    const error = await failure(client.getAlbum("B0064UPU4G"));
    expect(error).toBeInstanceOf(AlbumsNetworkError);
    expect((error as Error).message).toMatch(/^getAlbum failed: no answer from the API \(fetch failed/);
    expect(requests).toHaveLength(3);
  });

  it("a server that stalls mid-body: AlbumsTimeoutError after each attempt's timeout", realTime, async () => {
    const { client, requests } = await against([stall], { timeoutMs: 200, retry: { maxAttempts: 2, baseDelayMs: 1 } });
    const error = await failure(client.getAlbum("B0064UPU4G"));
    expect(error).toBeInstanceOf(AlbumsTimeoutError);
    expect(error).toMatchObject({ operation: "getAlbum", timeoutMs: 200, message: "getAlbum failed: no complete answer within 200 ms" });
    expect(requests).toHaveLength(2);
  });
});

describe("bodies that are not the API's", () => {
  it("truncated JSON in a 200 is an AlbumsApiError, never a SyntaxError, and is not retried", async () => {
    const { client, requests } = await against([truncatedJson]);
    const error = await failure(client.getAlbum("B0064UPU4G"));
    expect(error).toBeInstanceOf(AlbumsApiError);
    expect(error).toMatchObject({ status: 200, code: "UNEXPECTED_RESPONSE" });
    expect(requests).toHaveLength(1);
  });

  it("an HTML page with a 200 (a captive portal) is an AlbumsApiError, never a SyntaxError", async () => {
    const portal: Step = (_, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      response.end("<html><body>Sign in to the Wi-Fi</body></html>");
    };
    const { client } = await against([portal]);
    expect(await failure(client.getAlbum("B0064UPU4G"))).toMatchObject({ name: "AlbumsApiError", status: 200, code: "UNEXPECTED_RESPONSE" });
  });

  it("an HTML 502 from a proxy is retried, then an AlbumsApiError with the page as its body", async () => {
    const { client, requests } = await against([html502]);
    const error = await failure(client.getAlbums(["B0064UPU4G"]));
    expect(error).toMatchObject({ name: "AlbumsApiError", status: 502, code: "UNEXPECTED_RESPONSE" });
    expect(String((error as AlbumsApiError).body)).toContain("502 Bad Gateway");
    expect(requests).toHaveLength(3);
  });
});

describe("expired tokens", () => {
  const expired = apiError(401, "INVALID_ACCESS_TOKEN");

  it("a token function is called again once, and the request retried once with the new token", async () => {
    let issued = 0;
    const { client, requests } = await against([expired, ok], { accessToken: () => `token-${++issued}` });
    expect(await client.getAlbum("B0064UPU4G")).toEqual(album);
    expect(requests.map((r) => r.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("a second expiry is not refreshed again", async () => {
    let issued = 0;
    const { client, requests } = await against([expired], { accessToken: async () => `token-${++issued}` });
    expect(await failure(client.getAlbum("B0064UPU4G"))).toMatchObject({ status: 401, code: "INVALID_ACCESS_TOKEN" });
    expect(requests).toHaveLength(2);
  });

  it("a fixed token is not retried", async () => {
    const { client, requests } = await against([expired, ok]);
    expect(await failure(client.getAlbum("B0064UPU4G"))).toMatchObject({ status: 401, code: "INVALID_ACCESS_TOKEN" });
    expect(requests).toHaveLength(1);
  });
});

describe("pagination", () => {
  it("follows pageInfo.token as cursor to the last page", async () => {
    const { client, requests } = await against([libraryPage(2, true, "t1"), libraryPage(2, true, "t2", 2), libraryPage(1, false, undefined, 4)]);
    const ids: string[] = [];
    for await (const edge of client.iterateLibraryAlbums({ pageSize: 2 })) ids.push(edge.node.id);
    expect(ids).toEqual(["B000000000", "B000000001", "B000000002", "B000000003", "B000000004"]);
    expect(requests.map((r) => r.url)).toEqual([
      "/me/library/albums?limit=2",
      "/me/library/albums?limit=2&cursor=t1",
      "/me/library/albums?limit=2&cursor=t2",
    ]);
  });

  it("a server that pages forever: break stops fetching", async () => {
    let page = 0;
    const forever: Step = (request, response) => libraryPage(2, true, `t${++page}`, page * 2)(request, response);
    const { client, requests } = await against([forever]);
    let seen = 0;
    for await (const _ of client.iterateLibraryAlbums({ pageSize: 2 })) if (++seen === 5) break;
    expect(requests).toHaveLength(3);
  });

  it("a repeated token ends with AlbumsPaginationError instead of looping", async () => {
    const { client, requests } = await against([libraryPage(1, true, "t1"), libraryPage(1, true, "t2"), libraryPage(1, true, "t1")]);
    const error = await failure((async () => {
      for await (const _ of client.iterateLibraryAlbums()) void _;
    })());
    expect(error).toBeInstanceOf(AlbumsPaginationError);
    expect((error as Error).message).toBe('getLibraryAlbums: the token "t1" came back after 3 pages; stopped instead of looping.');
    expect(requests).toHaveLength(3);
  });

  it("hasNextPage without a token ends with AlbumsPaginationError", async () => {
    const { client, requests } = await against([libraryPage(1, true)]);
    const error = await failure((async () => {
      for await (const _ of client.iterateLibraryAlbums()) void _;
    })());
    expect(error).toMatchObject({ name: "AlbumsPaginationError", pages: 1 });
    expect(requests).toHaveLength(1);
  });
});

describe("batching", () => {
  const ids = Array.from({ length: 250 }, (_, i) => `B${String(i).padStart(9, "0")}`);
  /** Fails the request that carries B000000100 at once; answers the others, or never (until the server closes). */
  const failingSecondRequest = (others: "answered" | "never answered"): Step => (request, response) => {
    const asked = new URL(request.url ?? "", "http://x").searchParams.get("ids")?.split(",") ?? [];
    if (asked.includes("B000000100")) return apiError(404, "RESOURCE_NOT_FOUND")(request, response);
    if (others === "answered") json(200, { data: { albums: asked.map((id) => ({ ...album, id })) } })(request, response);
  };

  it("a failing request of a batch rejects with the IDs it carried", async () => {
    const { client } = await against([failingSecondRequest("answered")], { concurrency: 1 });
    const error = await failure(client.getAlbums(ids));
    expect(error).toMatchObject({ name: "AlbumsApiError", status: 404 });
    expect((error as AlbumsApiError).ids).toEqual(ids.slice(100, 200));
    expect((error as Error).message).toContain("[the request for 100 IDs: B000000100, B000000101, B000000102 and 97 more]");
  });

  it("requests cancelled by that failure leave its error as it is", async () => {
    // All three requests in flight at once; the other two, never answered, are cancelled by the
    // failure. The fetch tells when each has ended: the test looks once all three have.
    const ended: Array<Promise<unknown>> = [];
    const { client, requests } = await against([failingSecondRequest("never answered")], {
      concurrency: 3,
      fetch: (request) => {
        const response = globalThis.fetch(request);
        ended.push(response.catch(() => undefined));
        return response;
      },
    });
    const error = await failure(client.getAlbums(ids));
    await Promise.all(ended);
    // From a request's end to the client's handling of it: promise callbacks only. Once they have run, look.
    await new Promise((resolve) => setImmediate(resolve));
    expect([ended.length, requests.length]).toEqual([3, 3]);
    expect((error as AlbumsApiError).ids).toEqual(ids.slice(100, 200));
    expect((error as Error).message.match(/\[the request for/g)).toHaveLength(1);
  });
});
