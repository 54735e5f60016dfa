// The mock as MSW handlers in Node.js (msw/node), with our client as a user's test would have it:
// created without a baseUrl, so answered for production, with the server's provider, validation,
// envelope and state per token; another base URL as an option; Prefer from the examples; the
// state controls. (In a browser, with MSW's service worker: test/browser/msw.browser.test.ts.)
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createHandlers } from "../../mock/msw.ts";
import { AlbumsApiError, createAlbumsClient } from "../../src/index.ts";
import { failure } from "../support/failure.ts";

const handlers = createHandlers();
const elsewhere = createHandlers({ baseUrl: "https://albums.mock.test/v1", state: { users: { seeded: ["B091MTJT3P"] } } });
const server = setupServer(...handlers, ...elsewhere);
// Anything else reaching the network is a mistake of the test: MSW errors on it.
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => handlers.reset());
afterAll(() => server.close());

const client = (accessToken: string, options: { baseUrl?: string } = {}) =>
  createAlbumsClient({ apiKey: "amzn1.application.msw", accessToken, retry: false, ...options });

describe("createHandlers(), answering for production", () => {
  it("answers our client's getAlbum as the mock does: Discovery", async () => {
    expect((await client("msw-user").getAlbum("B0064UPU4G")).title).toBe("Discovery");
  });

  it("keeps a library per bearer token, and reset() empties it", async () => {
    const alice = client("alice");
    await alice.saveLibraryAlbum("B00D3PLC1K");
    expect((await alice.getLibraryAlbums()).edges.map((edge) => edge.node.id)).toEqual(["B00D3PLC1K"]);
    expect((await client("bob").getLibraryAlbums()).edges).toEqual([]);
    expect(Object.keys(handlers.state().users)).toHaveLength(1);
    handlers.reset("alice");
    expect((await alice.getLibraryAlbums()).edges).toEqual([]);
  });

  it("refuses what the description refuses, in the envelope: an unknown album, a bad ID, no credentials", async () => {
    const notFound = await failure(client("msw-user").getAlbum("B000000000"));
    expect(notFound).toBeInstanceOf(AlbumsApiError);
    expect(notFound).toMatchObject({ status: 404, code: "RESOURCE_NOT_FOUND" });
    const raw = await fetch("https://api.music.amazon.dev/v1/albums/not-an-id", { headers: { "x-api-key": "k", authorization: "Bearer t" } });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ error: { status: "400", code: "BAD_REQUEST", message: expect.stringContaining("Request path parameter id must match pattern") } });
    const anonymous = await fetch("https://api.music.amazon.dev/v1/albums/B0064UPU4G");
    expect(await anonymous.json()).toMatchObject({ error: { status: "401", code: "INVALID_AUTH_TYPE" } });
  });

  it("answers Prefer: code= and example= from the description's examples, and says dynamic=true needs the server", async () => {
    const forced = await failure(client("msw-user").getAlbum("B0064UPU4G", { headers: { prefer: "code=404" } }));
    expect(forced).toMatchObject({ status: 404, code: "RESOURCE_NOT_FOUND" });
    const page = await client("msw-user").getLibraryAlbums({ headers: { prefer: "example=secondPage" } });
    expect(page.edges.map((edge) => edge.node.id)).toEqual(["B091MTJT3P"]);
    const dynamic = await failure(client("msw-user").getAlbum("B0064UPU4G", { headers: { prefer: "dynamic=true" } }));
    expect(dynamic).toMatchObject({ status: 400, code: "BAD_REQUEST", message: expect.stringContaining("Prism's mocker") });
  });

  it("answers the reserved reset, as the server does", async () => {
    await client("carol").saveLibraryAlbum("B0064UPU4G");
    const reset = await fetch("https://api.music.amazon.dev/v1/__mock/reset", { method: "POST" });
    expect(await reset.json()).toEqual({ reset: "every library" });
    expect((await client("carol").getLibraryAlbums()).edges).toEqual([]);
  });
});

describe("createHandlers({ baseUrl, state })", () => {
  it("answers for another base URL, from the state it was given", async () => {
    const seeded = client("seeded", { baseUrl: "https://albums.mock.test/v1" });
    expect((await seeded.getLibraryAlbums()).edges.map((edge) => edge.node.id)).toEqual(["B091MTJT3P"]);
  });
});
