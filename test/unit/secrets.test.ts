// No error the client produces may show the API key or the token, however it is printed, and
// the client writes nothing to the console on any path.
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { AlbumsError, createAlbumsClient, type AlbumsClient } from "../../src/index.ts";
import { json, recordingFetch } from "./support/recording-fetch.ts";

const apiKey = "amzn1.application.secret0key0that0must0not0leak";
const accessToken = "Atza|secret-token-that-must-not-leak";

function printed(error: unknown): string {
  const e = error as Error;
  // inspect: what console.log prints, the cause chain and every field included.
  return [e.message, String(e), JSON.stringify(e), e.stack ?? "", JSON.stringify(Object.entries(e)), String(e.cause), inspect(e, { depth: 10 })].join("\n");
}

const page = (token?: string) => ({
  data: { user: { id: "u1", libraryAlbums: { pageInfo: { hasNextPage: true, ...(token ? { token } : {}) }, edgeCount: 0, edges: [] } } },
});
const drain = async (client: AlbumsClient) => {
  for await (const _ of client.iterateLibraryAlbums()) void _;
};

/** Each error path: what the fake API does, and the call that meets it. */
const paths: Array<[string, (request: Request) => Response | Promise<Response>, (client: AlbumsClient) => Promise<unknown>]> = [
  ["an API error", () => json({ error: { status: "401", code: "INVALID_ACCESS_TOKEN", message: "Expired." } }, 401), (c) => c.getAlbum("B0064UPU4G")],
  ["retries exhausted", () => json({ error: { status: "503", code: "INTERNAL", message: "Down." } }, 503), (c) => c.getLibraryAlbums({ limit: 5 })],
  ["an HTML error page", () => new Response("<html>502</html>", { status: 502, headers: { "content-type": "text/html" } }), (c) => c.getAlbum("B0064UPU4G")],
  ["invalid JSON in a 200", () => new Response('{"data":', { headers: { "content-type": "application/json" } }), (c) => c.getAlbum("B0064UPU4G")],
  ["a network failure", () => Promise.reject(new TypeError("fetch failed")), (c) => c.saveLibraryAlbum("B0064UPU4G")],
  [
    "a custom fetch whose error quotes the request's credentials",
    (request) =>
      Promise.reject(
        new TypeError(`fetch failed with ${request.headers.get("authorization")}`, {
          cause: Object.assign(new Error(`proxy refused x-api-key ${request.headers.get("x-api-key")}`), { headers: Object.fromEntries(request.headers) }),
        }),
      ),
    (c) => c.getAlbum("B0064UPU4G"),
  ],
  ["a timeout", (request) => new Promise((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason))), (c) => c.removeLibraryAlbum("B0064UPU4G")],
  ["a failed batch", () => json({ error: { status: "404", code: "RESOURCE_NOT_FOUND", message: "No." } }, 404), (c) => c.getAlbums(["B0064UPU4G", "B00D3PLC1K"])],
  ["a page without a token", () => json(page()), drain],
  ["a repeated token", () => json(page("same")), drain],
  ["bad input", () => json({}), (c) => c.getAlbum("bad")],
];

describe("errors never contain the credentials", () => {
  let consoleCalls: MockInstance[] = [];
  beforeEach(() => {
    consoleCalls = (["log", "info", "warn", "error", "debug"] as const).map((method) => vi.spyOn(console, method));
  });
  afterEach(() => vi.restoreAllMocks());

  it.each(paths)("%s", async (_, answer, call) => {
    const { fetch } = recordingFetch(answer);
    const client = createAlbumsClient({ apiKey, accessToken, fetch, timeoutMs: 20, retry: { baseDelayMs: 1 } });
    const error = await call(client).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AlbumsError);
    expect(printed(error)).not.toContain(apiKey);
    expect(printed(error)).not.toContain(accessToken);
    for (const spy of consoleCalls) expect(spy).not.toHaveBeenCalled();
  });
});
