// Answers too large to read: compression bombs (gzip, deflate, br), a body that never ends, a
// Content-Length of a terabyte. The client reads a body in pieces, counting the decoded bytes,
// and lets go of the answer as soon as they pass maxResponseBytes (10 MiB unless set):
// AlbumsApiError RESPONSE_TOO_LARGE, not retried. And servers that stall: each attempt's
// timeout ends them.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { AlbumsApiError, AlbumsTimeoutError, createAlbumsClient, type AlbumsClientOptions } from "../../src/index.ts";
import { largeInputBudgetMs } from "../support/budgets.ts";
import { failure } from "../support/failure.ts";
import { startFaultServer, type FaultServer, type Step } from "./fault-server.ts";
import { bomb, compressed, endless, lyingLength, silent, type Encoding } from "./hostile-server.ts";

const mebibyte = 1024 * 1024;
/** For the tests that wait on real time: what an attempt may take on a loaded machine. */
const realTime = { timeout: 30_000 };

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client of a server running the script. Attempts may take an hour: only the size limit can end these calls. */
async function against(steps: Step[], options: Partial<AlbumsClientOptions> = {}) {
  server = await startFaultServer(steps);
  const client = createAlbumsClient({
    apiKey: "amzn1.application.limits",
    accessToken: "limits-token",
    baseUrl: server.url,
    timeoutMs: 3_600_000,
    retry: { baseDelayMs: 1 },
    ...options,
  });
  return { client, requests: server.requests };
}

/** What a failed call says, without its body: a failed match would print megabytes of it otherwise. */
async function outcome(call: Promise<unknown>) {
  const error = await failure(call);
  if (!(error instanceof AlbumsApiError)) return { error };
  const { status, code, operation, message, body } = error;
  return { status, code, operation, message, bodyLength: typeof body === "string" ? body.length : body };
}

const encodings: Encoding[] = ["gzip", "deflate", "br"];
// 32 MiB of zeros each: some tens of kilobytes on the wire, three times the default limit once inflated.
const bombs = new Map<Encoding, Buffer>();
beforeAll(() => {
  for (const encoding of encodings) bombs.set(encoding, bomb(encoding, 32 * mebibyte));
}, largeInputBudgetMs);

// Each test inflates up to 32 MiB, and the last one decodes and parses all of it: seconds of CPU on a busy machine.
describe("a compression bomb", { timeout: largeInputBudgetMs }, () => {
  it.each(encodings)("(%s, 32 MiB inflated) passes the default limit of 10 MiB: RESPONSE_TOO_LARGE, one request", async (encoding) => {
    const body = bombs.get(encoding) as Buffer;
    expect(body.length).toBeLessThan(mebibyte);
    const { client, requests } = await against([compressed(200, encoding, body)]);
    expect(await outcome(client.getAlbum("B0064UPU4G"))).toEqual({
      status: 200,
      code: "RESPONSE_TOO_LARGE",
      operation: "getAlbum",
      message: "getAlbum failed with 200 RESPONSE_TOO_LARGE: the body of the answer is larger than maxResponseBytes (10485760 bytes); it was not read further.",
      bodyLength: undefined,
    });
    expect(requests).toHaveLength(1);
  });

  it("in an error answer (a 503, which is otherwise retried) is not retried either", async () => {
    const { client, requests } = await against([compressed(503, "gzip", bombs.get("gzip") as Buffer)]);
    expect(await outcome(client.getAlbum("B0064UPU4G"))).toMatchObject({ status: 503, code: "RESPONSE_TOO_LARGE" });
    expect(requests).toHaveLength(1);
  });

  it("passes a limit set lower, maxResponseBytes", async () => {
    const small = bomb("gzip", 2 * mebibyte);
    const { client } = await against([compressed(200, "gzip", small)], { maxResponseBytes: mebibyte });
    expect((await outcome(client.getAlbum("B0064UPU4G"))).message).toContain("larger than maxResponseBytes (1048576 bytes)");
  });

  it("is read whole under a limit set higher", async () => {
    // 32 MiB of zeros are no JSON: an UNEXPECTED_RESPONSE once read, not a refusal.
    const { client } = await against([compressed(200, "gzip", bombs.get("gzip") as Buffer)], { maxResponseBytes: 33 * mebibyte });
    expect(await outcome(client.getAlbum("B0064UPU4G"))).toMatchObject({ status: 200, code: "UNEXPECTED_RESPONSE", bodyLength: 32 * mebibyte });
  });
});

describe("a body that never ends", () => {
  it("is let go of once it passes the limit: the connection is closed, the server stops writing", realTime, async () => {
    const body = endless();
    const { client, requests } = await against([body.step], { maxResponseBytes: mebibyte });
    expect(await outcome(client.getAlbum("B0064UPU4G"))).toMatchObject({ status: 200, code: "RESPONSE_TOO_LARGE" });
    await body.closed;
    // What the server wrote is the limit and what the socket buffers held, not without end.
    expect(body.written()).toBeLessThan(64 * mebibyte);
    expect(requests).toHaveLength(1);
  });
});

describe("a Content-Length past the limit", () => {
  it("is refused as soon as the headers come, without waiting for the body", realTime, async () => {
    const { client, requests } = await against([lyingLength(1_000_000_000_000)]);
    expect(await outcome(client.getAlbum("B0064UPU4G"))).toMatchObject({ status: 200, code: "RESPONSE_TOO_LARGE" });
    expect(requests).toHaveLength(1);
  });

  it("of exactly the limit is read", realTime, async () => {
    const body = JSON.stringify({ data: { album: { id: "B0064UPU4G", title: "x".repeat(1000), url: "https://music.amazon.com/albums/B0064UPU4G" } } });
    const exact: Step = (_, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": String(body.length) });
      response.end(body);
    };
    const { client } = await against([exact], { maxResponseBytes: body.length });
    expect(await client.getAlbum("B0064UPU4G")).toMatchObject({ id: "B0064UPU4G" });
  });
});

describe("a server that stalls", () => {
  it("before it answers at all: AlbumsTimeoutError after each attempt's timeout", realTime, async () => {
    const { client, requests } = await against([silent], { timeoutMs: 200, retry: { maxAttempts: 2, baseDelayMs: 1 } });
    const error = await failure(client.getAlbum("B0064UPU4G"));
    expect(error).toBeInstanceOf(AlbumsTimeoutError);
    expect(requests).toHaveLength(2);
  });

  it("after announcing a body within the limit: the timeout ends it too", realTime, async () => {
    const { client } = await against([lyingLength(1000)], { timeoutMs: 200, retry: false });
    expect(await failure(client.getAlbum("B0064UPU4G"))).toBeInstanceOf(AlbumsTimeoutError);
  });
});
