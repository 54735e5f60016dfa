import { describe, expect, it } from "vitest";
import { AlbumsApiError, AlbumsPaginationError, createAlbumsClient, productionBaseUrl, type AlbumsClient } from "../../src/index.ts";
import { failure } from "../support/failure.ts";
import { album, credentials, json, recordingFetch } from "./support/recording-fetch.ts";

describe("createAlbumsClient", () => {
  it("sends the API key and the bearer token on every request", async () => {
    const { fetch, requests } = recordingFetch(() => json({ data: { album } }));
    const client = createAlbumsClient({ ...credentials, fetch });
    await client.getAlbum("B0064UPU4G");
    await client.getAlbum("B0064UPU4G");
    expect(requests.map((r) => [r.headers.get("x-api-key"), r.headers.get("authorization")])).toEqual([
      [credentials.apiKey, `Bearer ${credentials.accessToken}`],
      [credentials.apiKey, `Bearer ${credentials.accessToken}`],
    ]);
  });

  it("calls an accessToken function for every request, sync or async, so a caller can refresh", async () => {
    const { fetch, requests } = recordingFetch(() => json({ data: { album } }));
    let issued = 0;
    const client = createAlbumsClient({ apiKey: credentials.apiKey, accessToken: async () => `token-${++issued}`, fetch });
    await client.getAlbum("B0064UPU4G");
    await client.getAlbum("B0064UPU4G");
    expect(requests.map((r) => r.headers.get("authorization"))).toEqual(["Bearer token-1", "Bearer token-2"]);

    const sync = createAlbumsClient({ apiKey: credentials.apiKey, accessToken: () => "sync-token", fetch });
    await sync.getAlbum("B0064UPU4G");
    expect(requests.at(-1)?.headers.get("authorization")).toBe("Bearer sync-token");
  });

  it("calls production by default, or the baseUrl given", async () => {
    const { fetch, requests } = recordingFetch(() => json({ data: { album } }));
    await createAlbumsClient({ ...credentials, fetch }).getAlbum("B0064UPU4G");
    await createAlbumsClient({ ...credentials, fetch, baseUrl: "http://127.0.0.1:4010/" }).getAlbum("B0064UPU4G");
    expect(requests.map((r) => r.url)).toEqual([
      `${productionBaseUrl}/albums/B0064UPU4G`,
      "http://127.0.0.1:4010/albums/B0064UPU4G",
    ]);
  });

  it("sends ids comma-separated in one parameter, as the description says", async () => {
    const { fetch, requests } = recordingFetch(() => json({ data: { albums: [album] } }));
    await createAlbumsClient({ ...credentials, fetch }).getAlbums(["B0064UPU4G", "B00D3PLC1K"]);
    const url = new URL(requests[0]?.url ?? "");
    expect(url.pathname).toBe("/v1/albums");
    expect(url.searchParams.getAll("ids")).toEqual(["B0064UPU4G,B00D3PLC1K"]);
  });

  it("sends limit and cursor only when given", async () => {
    const page = { pageInfo: { hasNextPage: false }, edgeCount: 0, edges: [] };
    const { fetch, requests } = recordingFetch(() => json({ data: { user: { id: "u1", libraryAlbums: page } } }));
    const client = createAlbumsClient({ ...credentials, fetch });
    expect(await client.getLibraryAlbums()).toEqual(page);
    await client.getLibraryAlbums({ limit: 20, cursor: "tztok-v2_abc" });
    expect(requests.map((r) => new URL(r.url).search)).toEqual(["", "?limit=20&cursor=tztok-v2_abc"]);
  });

  it("uses the methods the description names for saving and removing", async () => {
    const { fetch, requests } = recordingFetch((request) =>
      json({ data: { [request.method === "PUT" ? "saveAlbum" : "removeAlbum"]: { album, saveState: request.method === "PUT" ? "SAVED" : "REMOVED" } } }),
    );
    const client = createAlbumsClient({ ...credentials, fetch });
    expect(await client.saveLibraryAlbum("B0064UPU4G")).toEqual({ album, saveState: "SAVED" });
    expect(await client.removeLibraryAlbum("B0064UPU4G")).toEqual({ album, saveState: "REMOVED" });
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      "PUT /v1/me/library/albums/B0064UPU4G",
      "DELETE /v1/me/library/albums/B0064UPU4G",
    ]);
  });

  it("passes per-call headers and keeps the typed openapi-fetch client reachable", async () => {
    const { fetch, requests } = recordingFetch(() => json({ data: { album } }));
    const client = createAlbumsClient({ ...credentials, fetch, headers: { "accept-language": "de-DE" } });
    await client.getAlbum("B0064UPU4G", { headers: { prefer: "code=200" } });
    const { data } = await client.raw.GET("/albums/{id}", { params: { path: { id: "B0064UPU4G" } } });
    expect(data?.data.album.title).toBe("Discovery");
    expect(requests.map((r) => [r.headers.get("accept-language"), r.headers.get("prefer"), r.headers.get("x-api-key")])).toEqual([
      ["de-DE", "code=200", credentials.apiKey],
      ["de-DE", null, credentials.apiKey],
    ]);
  });
});

describe("getAlbums", () => {
  it("passes per-call headers on every request of a batch", async () => {
    const { fetch, requests } = recordingFetch(() => json({ data: { albums: [album] } }));
    const ids = Array.from({ length: 150 }, (_, i) => `B${String(i).padStart(9, "0")}`);
    await createAlbumsClient({ ...credentials, fetch }).getAlbums(ids, { headers: { prefer: "code=200" } });
    expect(requests.map((r) => r.headers.get("prefer"))).toEqual(["code=200", "code=200"]);
  });

  it("returns albums in the order asked; albums the API adds unasked follow, in the order they came", async () => {
    const unasked = (id: string) => ({ ...album, id });
    const answer = [unasked("X000000001"), { ...album, id: "B00D3PLC1K" }, unasked("X000000002"), album, unasked("X000000003")];
    const { fetch } = recordingFetch(() => json({ data: { albums: answer } }));
    const albums = await createAlbumsClient({ ...credentials, fetch }).getAlbums(["B0064UPU4G", "B00D3PLC1K"]);
    expect(albums.map((a) => a.id)).toEqual(["B0064UPU4G", "B00D3PLC1K", "X000000001", "X000000002", "X000000003"]);
  });
});

describe("iterateLibraryAlbums", () => {
  it("ends with AlbumsPaginationError when a next page's token is empty", async () => {
    const page = { pageInfo: { hasNextPage: true, token: "" }, edgeCount: 0, edges: [] };
    const { fetch, requests } = recordingFetch(() => json({ data: { user: { id: "u1", libraryAlbums: page } } }));
    const error = await failure((async () => {
      for await (const _ of createAlbumsClient({ ...credentials, fetch }).iterateLibraryAlbums()) void _;
    })());
    expect(error).toBeInstanceOf(AlbumsPaginationError);
    expect((error as Error).message).toBe(
      "getLibraryAlbums: pageInfo.hasNextPage is true but there is no pageInfo.token after 1 page; stopped instead of looping.",
    );
    expect(requests).toHaveLength(1);
  });
});

describe("a failed response", () => {
  const notFound = () => json({ error: { status: "404", code: "RESOURCE_NOT_FOUND", message: "No." } }, 404);
  it.each([
    ["getAlbum", (c: AlbumsClient) => c.getAlbum("B0064UPU4G")],
    ["getAlbums", (c: AlbumsClient) => c.getAlbums(["B0064UPU4G"])],
    ["getLibraryAlbums", (c: AlbumsClient) => c.getLibraryAlbums()],
    ["saveLibraryAlbum", (c: AlbumsClient) => c.saveLibraryAlbum("B0064UPU4G")],
    ["removeLibraryAlbum", (c: AlbumsClient) => c.removeLibraryAlbum("B0064UPU4G")],
  ])("of %s names that operation", async (operation, call) => {
    const error = await failure(call(createAlbumsClient({ ...credentials, fetch: recordingFetch(notFound).fetch })));
    expect(error).toMatchObject({ operation });
    expect((error as Error).message).toMatch(new RegExp(`^${operation} failed with 404 RESOURCE_NOT_FOUND: No\\.`));
  });


  it("becomes an AlbumsApiError with the envelope's status, code, message and reference", async () => {
    const body = { error: { status: "404", code: "RESOURCE_NOT_FOUND", message: "Not found.", reference: "ref-1" } };
    const { fetch } = recordingFetch(() => json(body, 404, { "x-amzn-requestid": "req-1" }));
    const error = await createAlbumsClient({ ...credentials, fetch }).getAlbum("B0064UPU4G").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlbumsApiError);
    expect(error).toMatchObject({
      name: "AlbumsApiError",
      status: 404,
      code: "RESOURCE_NOT_FOUND",
      message: "getAlbum failed with 404 RESOURCE_NOT_FOUND: Not found.",
      reference: "ref-1",
      operation: "getAlbum",
      body,
    });
    expect((error as AlbumsApiError).headers["x-amzn-requestid"]).toBe("req-1");
  });

  it("is still an AlbumsApiError when the body is not the API's envelope (an HTML page from a proxy)", async () => {
    const html = "<html><body>502 Bad Gateway</body></html>";
    const { fetch } = recordingFetch(() => new Response(html, { status: 502, headers: { "content-type": "text/html" } }));
    const error = await createAlbumsClient({ ...credentials, fetch }).getAlbums(["B0064UPU4G"]).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AlbumsApiError", status: 502, code: "UNEXPECTED_RESPONSE", body: html });
    expect((error as Error).message).toContain("text/html");
  });

  it("includes a 2xx whose body lacks the data envelope", async () => {
    const { fetch } = recordingFetch(() => json({ album }));
    await expect(createAlbumsClient({ ...credentials, fetch }).getAlbum("B0064UPU4G")).rejects.toMatchObject({
      name: "AlbumsApiError",
      status: 200,
      code: "UNEXPECTED_RESPONSE",
    });
  });
});

describe("a middleware given to raw", () => {
  // The methods build their calls as plans, not Requests (src/request-plan.ts), while raw has no
  // middleware: one added later must still see a real Request, for raw's calls and the methods'.
  it("sees a real Request for every call, and may replace it (the credentials are set after it)", async () => {
    const { fetch, requests } = recordingFetch(() => json({ data: { album } }));
    const client = createAlbumsClient({ ...credentials, fetch });
    await client.getAlbum("B0064UPU4G");
    const seen: unknown[] = [];
    client.raw.use({
      onRequest({ request }) {
        seen.push(request);
        const replaced = new Request(request, { headers: { ...Object.fromEntries(request.headers), "x-from-middleware": "1" } });
        return replaced;
      },
    });
    await client.getAlbum("B0064UPU4G");
    await client.raw.GET("/albums/{id}", { params: { path: { id: "B0064UPU4G" } } });
    expect(seen).toHaveLength(2);
    for (const request of seen) expect(request).toBeInstanceOf(Request);
    expect(requests.map((r) => [r.headers.get("x-from-middleware"), r.headers.get("x-api-key"), r.redirect])).toEqual([
      [null, credentials.apiKey, "manual"],
      ["1", credentials.apiKey, "manual"],
      ["1", credentials.apiKey, "manual"],
    ]);
  });
});
