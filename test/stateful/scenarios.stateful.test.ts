// Behaviour only a stateful server has: the library remembers, pages end, the rate limit bites.
import { describe, expect, it } from "vitest";
import { catalog, stackClient } from "./support.ts";

async function libraryIds(client: ReturnType<typeof stackClient>["client"]): Promise<string[]> {
  const ids: string[] = [];
  for await (const edge of client.iterateLibraryAlbums()) ids.push(edge.node.id);
  return ids;
}

describe("the library", () => {
  it("save, then list: the album is there", async () => {
    const { client } = stackClient();
    expect(await libraryIds(client)).toEqual([]);
    await client.saveLibraryAlbum("B0064UPU4G");
    expect(await libraryIds(client)).toEqual(["B0064UPU4G"]);
  });

  it("remove, then list: the album is gone", async () => {
    const { client } = stackClient();
    await client.saveLibraryAlbum("B0064UPU4G");
    await client.saveLibraryAlbum("B00D3PLC1K");
    await client.removeLibraryAlbum("B0064UPU4G");
    expect(await libraryIds(client)).toEqual(["B00D3PLC1K"]);
  });

  it("saving twice is idempotent", async () => {
    const { client } = stackClient();
    const first = await client.saveLibraryAlbum("B091MTJT3P");
    const second = await client.saveLibraryAlbum("B091MTJT3P");
    expect(second).toEqual(first);
    expect(await libraryIds(client)).toEqual(["B091MTJT3P"]);
  });

  it("is each user's own", async () => {
    const alice = stackClient().client;
    const bob = stackClient().client;
    await alice.saveLibraryAlbum("B0064UPU4G");
    expect(await libraryIds(bob)).toEqual([]);
  });

  it("of 250 albums, with limit=100: exactly 250 distinct albums in 3 pages", async () => {
    const { client } = stackClient();
    const saved = catalog.all().slice(0, 250).map((album) => album.id);
    for (const id of saved) await client.saveLibraryAlbum(id);

    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await client.getLibraryAlbums({ limit: 100, ...(cursor ? { cursor } : {}) });
      pages.push(page);
      cursor = page.pageInfo.token;
      expect(page.pageInfo.hasNextPage).toBe(cursor !== undefined);
    } while (cursor);

    expect(pages.map((page) => page.edgeCount)).toEqual([100, 100, 50]);
    const ids = pages.flatMap((page) => page.edges.map((edge) => edge.node.id));
    expect(new Set(ids).size).toBe(250);
    expect(ids).toEqual(saved);
  });
});

describe("the rate limit", () => {
  it("a burst over it is answered with 429 and Retry-After, and absorbed by the client's retries", async () => {
    // 400 at once, against a bucket of 300 refilled at 150 a second (the provider's defaults).
    const { client, statuses } = stackClient();
    const albums = await Promise.all(Array.from({ length: 400 }, () => client.getAlbum("B0064UPU4G")));
    expect(albums.every((album) => album.title === "Discovery")).toBe(true);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 200)).toHaveLength(400);
  });
});
