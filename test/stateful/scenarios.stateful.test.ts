// Behaviour only a stateful server has: the library remembers, is each user's own, pages end.
import { describe, expect, it } from "vitest";
import { useMock, userClient } from "./support.ts";

const mock = useMock();

async function libraryIds(client: ReturnType<typeof userClient>["client"], pageSize?: number): Promise<string[]> {
  const ids: string[] = [];
  for await (const edge of client.iterateLibraryAlbums(pageSize ? { pageSize } : {})) ids.push(edge.node.id);
  return ids;
}

describe("the library", () => {
  it("save, then list: the album is there", async () => {
    const { client } = userClient();
    expect(await libraryIds(client)).toEqual([]);
    await client.saveLibraryAlbum("B0064UPU4G");
    expect(await libraryIds(client)).toEqual(["B0064UPU4G"]);
  });

  it("remove, then list: the album is gone", async () => {
    const { client } = userClient();
    await client.saveLibraryAlbum("B0064UPU4G");
    await client.saveLibraryAlbum("B00D3PLC1K");
    await client.removeLibraryAlbum("B0064UPU4G");
    expect(await libraryIds(client)).toEqual(["B00D3PLC1K"]);
  });

  it("saving twice is idempotent; removing an album that is not there answers REMOVED", async () => {
    const { client } = userClient();
    const first = await client.saveLibraryAlbum("B091MTJT3P");
    expect(await client.saveLibraryAlbum("B091MTJT3P")).toEqual(first);
    expect(await libraryIds(client)).toEqual(["B091MTJT3P"]);
    expect((await client.removeLibraryAlbum("B0064UPU4G")).saveState).toBe("REMOVED");
  });

  it("is each user's own", async () => {
    const alice = userClient().client;
    const bob = userClient().client;
    await alice.saveLibraryAlbum("B0064UPU4G");
    expect(await libraryIds(bob)).toEqual([]);
  });

  it("of 250 albums, with limit=100: exactly 250 distinct albums in 3 pages, the last without a token", async () => {
    const { client } = userClient();
    const saved = mock().mock.provider?.catalog.all().slice(0, 250).map((album) => album.id) ?? [];
    expect(saved).toHaveLength(250);
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
    expect(pages.flatMap((page) => page.edges.map((edge) => edge.node.id))).toEqual(saved);
  });

  it("honours limit, and a last page that is exactly full ends with hasNextPage false", async () => {
    const { client } = userClient();
    const saved = mock().mock.provider?.catalog.all().slice(0, 6).map((album) => album.id) ?? [];
    for (const id of saved) await client.saveLibraryAlbum(id);
    const first = await client.getLibraryAlbums({ limit: 3 });
    expect(first.edges.map((edge) => edge.node.id)).toEqual(saved.slice(0, 3));
    expect(first.pageInfo).toEqual({ hasNextPage: true, token: expect.any(String) });
    const last = await client.getLibraryAlbums({ limit: 3, cursor: first.pageInfo.token as string });
    expect(last.edges.map((edge) => edge.node.id)).toEqual(saved.slice(3));
    expect(last.pageInfo).toEqual({ hasNextPage: false });
  });
});
