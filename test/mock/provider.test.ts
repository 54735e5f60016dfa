// The reference provider on its own, given requests the server has already checked: pages of
// the default size, the rate limit turned off, and the state it reports (what --rate-limit 0 and
// the memory caps rely on).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createProvider, type ProviderRequest } from "../../mock/core/provider.ts";
import { bundlePath } from "../support/mock.ts";

const bundle = JSON.parse(readFileSync(bundlePath, "utf8")) as object;
const credentials = (user: string, key = "key") => ({ apiKeyDigest: key, userDigest: user, userId: user });
const request = (operationId: ProviderRequest["operationId"], parts: Partial<ProviderRequest> = {}): ProviderRequest => ({
  operationId,
  path: {},
  query: {},
  credentials: credentials("u"),
  ...parts,
});
type LibraryPage = { data: { user: { libraryAlbums: { edgeCount: number; pageInfo: { hasNextPage: boolean; token?: string } } } } };

describe("the provider", () => {
  it("answers pages of 100 albums when no limit is asked", () => {
    const provider = createProvider(bundle, { rateLimit: undefined });
    for (const album of provider.catalog.all().slice(0, 101)) provider.handle(request("saveLibraryAlbum", { path: { id: album.id } }));
    const page = (provider.handle(request("getLibraryAlbums")).body as LibraryPage).data.user.libraryAlbums;
    expect(page.edgeCount).toBe(100);
    expect(page.pageInfo).toEqual({ hasNextPage: true, token: expect.any(String) });
  });

  it("without a rate limit, answers every request and keeps no bucket", () => {
    const provider = createProvider(bundle, { rateLimit: undefined });
    for (let i = 0; i < 1000; i++) expect(provider.handle(request("getAlbum", { path: { id: "B0064UPU4G" } })).status).toBe(200);
    expect(provider.state()).toEqual({ users: 0, apiKeys: 0 });
  });

  it("reports the users with a library and the API keys it keeps a bucket for", () => {
    const provider = createProvider(bundle, { now: () => 0 });
    provider.handle(request("saveLibraryAlbum", { path: { id: "B0064UPU4G" }, credentials: credentials("alice", "k1") }));
    provider.handle(request("getLibraryAlbums", { credentials: credentials("bob", "k2") }));
    provider.handle(request("getAlbum", { path: { id: "B0064UPU4G" }, credentials: credentials("carol", "k2") }));
    expect(provider.state()).toEqual({ users: 1, apiKeys: 2 });
  });

  it("getAlbums: each known album once, in the order asked; 404 when none is known", () => {
    const provider = createProvider(bundle, { rateLimit: undefined });
    const albums = (ids: string) => (provider.handle(request("getAlbums", { query: { ids } })).body as { data: { albums: Array<{ id: string }> } }).data.albums;
    expect(albums("B00D3PLC1K,B000000000,B0064UPU4G,B00D3PLC1K").map((album) => album.id)).toEqual(["B00D3PLC1K", "B0064UPU4G"]);
    expect(() => provider.handle(request("getAlbums", { query: { ids: "B000000000" } }))).toThrow("None of the requested albums exists.");
  });
});
