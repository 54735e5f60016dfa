// A cursor that survives change: a client pages through a library while another task removes
// and saves albums. Every album that stays from start to end is listed exactly once, whatever
// the interleaving (a position-based cursor skipped 25 of 75 such albums, and repeated 19).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlbumsClient } from "../../src/index.ts";
import { startMock, type RunningMock, mockStartBudgetMs } from "../support/mock.ts";

describe("paging while the library changes", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ lazyPrism: true });
  }, mockStartBudgetMs);
  afterAll(() => mock.close());

  it("neither skips nor repeats an album that stays", { timeout: 60_000 }, async () => {
    const client = createAlbumsClient({ apiKey: "amzn1.application.paging", accessToken: "paging-user", baseUrl: mock.url });
    const catalog = mock.mock.provider?.catalog.all().map((album) => album.id) ?? [];
    const initial = catalog.slice(0, 150);
    for (const id of initial) await client.saveLibraryAlbum(id);
    // Every third album of the library is removed, and some saved again; new ones are saved.
    const touched = initial.filter((_, index) => index % 3 === 0);
    const staying = initial.filter((id) => !touched.includes(id));

    const listed: string[] = [];
    const pager = (async () => {
      for await (const edge of client.iterateLibraryAlbums({ pageSize: 10 })) {
        listed.push(edge.node.id);
        // Yield to the other task between albums, so that the changes land mid-listing.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const changer = (async () => {
      for (const [index, id] of touched.entries()) {
        await client.removeLibraryAlbum(id);
        if (index % 2 === 0) await client.saveLibraryAlbum(id);
        await client.saveLibraryAlbum(catalog[200 + index] as string);
      }
    })();
    await Promise.all([pager, changer]);

    const counts = new Map<string, number>();
    for (const id of listed) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(staying.filter((id) => counts.get(id) !== 1)).toEqual([]);
    // The staying albums come in the order they were saved.
    expect(listed.filter((id) => staying.includes(id))).toEqual(staying);
  });
});
