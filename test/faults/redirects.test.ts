// Redirects, against real servers on loopback. The client lets no fetch follow a redirect by
// itself (undici would carry x-api-key to any host, and from https to plain http): it follows a
// redirect within the origin it called (same scheme, host and port), at most 5 in a row, and
// refuses one to anywhere else with an AlbumsApiError (REDIRECT_REFUSED), sending nothing there.
import { afterEach, describe, expect, it } from "vitest";
import { AlbumsApiError, createAlbumsClient, type AlbumsClientOptions } from "../../src/index.ts";
import { failure } from "../support/failure.ts";
import { album, apiError, json, ok, startFaultServer, type FaultServer, type Step } from "./fault-server.ts";
import { redirect, redirectStatuses } from "./hostile-server.ts";

const apiKey = "amzn1.application.redirect0test0key";
const accessToken = "Atza|redirect-test-token";

let servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function serve(steps: Step[]): Promise<FaultServer> {
  const server = await startFaultServer(steps);
  servers.push(server);
  return server;
}

/** The two ways the client sends: the runtime's fetch, and a fetch given as an option. */
const fetches: Array<[string, Partial<AlbumsClientOptions>]> = [
  ["the global fetch", {}],
  ["a fetch given as an option", { fetch: (request) => globalThis.fetch(request) }],
];

function clientOf(baseUrl: string, options: Partial<AlbumsClientOptions> = {}) {
  return createAlbumsClient({ apiKey, accessToken, baseUrl, retry: { baseDelayMs: 1 }, ...options });
}

const origin = (url: string) => new URL(url).origin;

describe.each(fetches)("with %s, a redirect to another origin", (_, fetchOption) => {
  it.each(redirectStatuses)("%i, to another port, is refused: nothing is sent there, nothing is retried", async (status) => {
    const elsewhere = await serve([ok]);
    const api = await serve([redirect(status, `${elsewhere.url}/albums/B0064UPU4G`)]);
    const error = await failure(clientOf(api.url, fetchOption).getAlbum("B0064UPU4G"));
    expect(error).toBeInstanceOf(AlbumsApiError);
    expect(error).toMatchObject({ status, code: "REDIRECT_REFUSED", operation: "getAlbum" });
    expect((error as Error).message).toBe(
      `getAlbum failed with ${status} REDIRECT_REFUSED: the answer redirects to ${elsewhere.url}, another origin; ` +
        `the client follows redirects within ${api.url} only, so that the API key and the token go nowhere else.`,
    );
    expect(elsewhere.requests).toEqual([]);
    expect(api.requests).toHaveLength(1);
  });

  it("to another name of the same host and port is refused too", async () => {
    // localhost is this very server, but another origin than 127.0.0.1: it must receive nothing more.
    let port = "";
    const api = await serve([(request, response) => redirect(302, `http://localhost:${port}/albums/B0064UPU4G`)(request, response), ok]);
    port = new URL(api.url).port;
    const error = await failure(clientOf(api.url, fetchOption).getAlbum("B0064UPU4G"));
    expect(error).toMatchObject({ status: 302, code: "REDIRECT_REFUSED" });
    expect((error as Error).message).toContain(`redirects to http://localhost:${port}, another origin;`);
    expect(api.requests).toHaveLength(1);
  });

  it("after a redirect within the origin is refused: the first is followed, the second not", async () => {
    const elsewhere = await serve([ok]);
    const api = await serve([redirect(307, "/albums/B00D3PLC1K"), redirect(308, `${elsewhere.url}/albums/B0064UPU4G`)]);
    const error = await failure(clientOf(api.url, fetchOption).getAlbum("B0064UPU4G"));
    expect(error).toMatchObject({ status: 308, code: "REDIRECT_REFUSED" });
    expect(api.requests.map((r) => r.url)).toEqual(["/albums/B0064UPU4G", "/albums/B00D3PLC1K"]);
    expect(elsewhere.requests).toEqual([]);
  });

  it("after a retried 503 is refused the same way", async () => {
    const elsewhere = await serve([ok]);
    const api = await serve([apiError(503, "INTERNAL"), redirect(302, `${elsewhere.url}/`)]);
    expect(await failure(clientOf(api.url, fetchOption).getAlbum("B0064UPU4G"))).toMatchObject({ code: "REDIRECT_REFUSED" });
    expect(api.requests).toHaveLength(2);
    expect(elsewhere.requests).toEqual([]);
  });

  it("is refused even when a raw call asks fetch to follow", async () => {
    const elsewhere = await serve([ok]);
    const api = await serve([redirect(301, `${elsewhere.url}/albums/B0064UPU4G`)]);
    const call = clientOf(api.url, fetchOption).raw.GET("/albums/{id}", { params: { path: { id: "B0064UPU4G" } }, redirect: "follow" });
    expect(await failure(call)).toMatchObject({ code: "REDIRECT_REFUSED" });
    expect(elsewhere.requests).toEqual([]);
  });

  it("names the target's origin only: the path and query it carried are not in the message", async () => {
    const elsewhere = await serve([ok]);
    const api = await serve([redirect(302, `${elsewhere.url}/collect?key=${encodeURIComponent(apiKey)}&t=${accessToken}`)]);
    const error = (await failure(clientOf(api.url, fetchOption).getAlbum("B0064UPU4G"))) as AlbumsApiError;
    expect(error.message).not.toContain("/collect");
    expect(JSON.stringify(error)).not.toContain(apiKey);
    expect(JSON.stringify(error)).not.toContain(accessToken);
    expect(error.headers.location).toBe(`${elsewhere.url}/collect?key=[redacted]&t=[redacted]`);
  });
});

describe("a downgrade", () => {
  // The API stands behind an https name: this test's fetch carries what the client sends to it
  // to a loopback server instead (as it is, its redirect mode included). The redirect points
  // to plain http on another loopback server, which must receive nothing.
  const httpsBase = "https://api.music.amazon.dev/v1";
  const via = (api: FaultServer): Partial<AlbumsClientOptions> => ({
    baseUrl: httpsBase,
    fetch: (request) => globalThis.fetch(new Request(request.url.replace(httpsBase, api.url), request)),
  });

  it.each(redirectStatuses)("from https to plain http (%i) is refused, and nothing is sent in cleartext", async (status) => {
    const cleartext = await serve([ok]);
    const api = await serve([redirect(status, `${cleartext.url}/albums/B0064UPU4G`)]);
    const error = await failure(clientOf(httpsBase, via(api)).getAlbum("B0064UPU4G"));
    expect(error).toMatchObject({ status, code: "REDIRECT_REFUSED" });
    expect((error as Error).message).toContain(`redirects to ${cleartext.url}, plain http after https;`);
    expect(cleartext.requests).toEqual([]);
  });
});

describe("a redirect within the origin", () => {
  const saved = json(200, { data: { saveAlbum: { album, saveState: "SAVED" } } });
  const removed = json(200, { data: { removeAlbum: { album, saveState: "REMOVED" } } });

  it.each([
    [301, "PUT"],
    [302, "PUT"],
    [307, "PUT"],
    [308, "PUT"],
    [303, "GET"],
  ])("%i is followed, with the credentials, and a save goes on as %s", async (status, method) => {
    const api = await serve([redirect(status, "/v2/me/library/albums/B0064UPU4G"), saved]);
    expect(await clientOf(api.url).saveLibraryAlbum("B0064UPU4G")).toEqual({ album, saveState: "SAVED" });
    expect(api.requests.map((r) => [r.method, r.url, r.apiKey, r.authorization])).toEqual([
      ["PUT", "/me/library/albums/B0064UPU4G", apiKey, `Bearer ${accessToken}`],
      [method, "/v2/me/library/albums/B0064UPU4G", apiKey, `Bearer ${accessToken}`],
    ]);
  });

  it("keeps a DELETE through a 307 and turns it into a GET through a 303", async () => {
    const api = await serve([redirect(307, "/a"), redirect(303, "/b"), removed]);
    expect(await clientOf(api.url).removeLibraryAlbum("B0064UPU4G")).toEqual({ album, saveState: "REMOVED" });
    expect(api.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["DELETE /me/library/albums/B0064UPU4G", "DELETE /a", "GET /b"]);
  });

  it("given as an absolute URL of the same origin is followed", async () => {
    let base = "";
    const api = await serve([(request, response) => redirect(301, `${base}/moved`)(request, response), ok]);
    base = api.url;
    expect(await clientOf(api.url).getAlbum("B0064UPU4G")).toEqual(album);
    expect(api.requests.map((r) => r.url)).toEqual(["/albums/B0064UPU4G", "/moved"]);
  });

  it("that loops ends after 5 redirects with TOO_MANY_REDIRECTS, and is not retried", async () => {
    const api = await serve([redirect(302, "/albums/B0064UPU4G")]);
    const error = await failure(clientOf(api.url).getAlbum("B0064UPU4G"));
    expect(error).toMatchObject({ status: 302, code: "TOO_MANY_REDIRECTS" });
    expect((error as Error).message).toBe(
      `getAlbum failed with 302 TOO_MANY_REDIRECTS: more than 5 redirects in a row, the last to ${origin(api.url)}; not followed further.`,
    );
    expect(api.requests).toHaveLength(6);
  });

  it("without a Location is an answer like any other outside 2xx", async () => {
    const api = await serve([(_, response) => response.writeHead(302).end()]);
    expect(await failure(clientOf(api.url).getAlbum("B0064UPU4G"))).toMatchObject({ status: 302, code: "UNEXPECTED_RESPONSE" });
    expect(api.requests).toHaveLength(1);
  });
});

describe("a fetch given as an option that follows redirects itself", () => {
  it("to another origin: the answer is refused, and the error says the fetch followed it", async () => {
    const elsewhere = await serve([ok]);
    const api = await serve([redirect(302, `${elsewhere.url}/albums/B0064UPU4G`)]);
    // A fetch that makes its own request from the URL and headers, dropping the redirect mode.
    const following = (request: Request) => globalThis.fetch(request.url, { headers: request.headers });
    const error = await failure(clientOf(api.url, { fetch: following }).getAlbum("B0064UPU4G"));
    expect(error).toMatchObject({ status: 200, code: "REDIRECT_REFUSED" });
    expect((error as Error).message).toContain(`the fetch given followed a redirect to ${elsewhere.url} by itself`);
  });
});
