// Every client method against the mock: what it returns is what the description promises, in
// the realistic shapes the mock keeps to, and the description's examples come back when asked
// for by name (Prefer: example=).
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../spec/support/spec.ts";
import { examplesOf, mockClient, realisticViolations } from "./support.ts";

const first = (operationId: string) => examplesOf(operationId, "200")[0]?.value.data as JsonObject;

describe("each method against the mock", () => {
  it("getAlbum returns the catalog's album: the description's example", async () => {
    const { client } = mockClient();
    expect(await client.getAlbum("B0064UPU4G")).toEqual(first("getAlbum").album);
  });

  it("getAlbums returns the albums asked for, in order: the description's example", async () => {
    const { client } = mockClient();
    expect(await client.getAlbums(["B0064UPU4G", "B00D3PLC1K"])).toEqual(first("getAlbums").albums);
  });

  it("getLibraryAlbums returns the user's library, in the realistic shapes", async () => {
    const { client } = mockClient({ accessToken: `methods-${Date.now()}-${Math.random()}` });
    await client.saveLibraryAlbum("B07B62ZK5S");
    const page = await client.getLibraryAlbums({ limit: 10 });
    expect(page.edges.map((edge) => edge.node.id)).toEqual(["B07B62ZK5S"]);
    expect(realisticViolations("getLibraryAlbums", "200", { data: { user: { id: "u0", libraryAlbums: page } } })).toEqual([]);
  });

  it("getLibraryAlbums returns each named page when asked with Prefer: example=", async () => {
    const { client } = mockClient();
    for (const { name, value } of examplesOf("getLibraryAlbums", "200")) {
      const page = await client.getLibraryAlbums({ limit: 2, headers: { prefer: `example=${name}` } });
      expect(page).toEqual(((value.data as JsonObject).user as JsonObject).libraryAlbums);
    }
  });

  it("saveLibraryAlbum and removeLibraryAlbum return the album asked for: the description's examples", async () => {
    const { client } = mockClient();
    expect(await client.saveLibraryAlbum("B091MTJT3P")).toEqual(first("saveLibraryAlbum").saveAlbum);
    expect(await client.removeLibraryAlbum("B091MTJT3P")).toEqual(first("removeLibraryAlbum").removeAlbum);
  });

  it("saveLibraryAlbum answers with the album that was asked for, not an example's", async () => {
    const { client } = mockClient();
    expect((await client.saveLibraryAlbum("B0064UPU4G")).album).toEqual({
      id: "B0064UPU4G",
      title: "Discovery",
      url: "https://music.amazon.com/albums/B0064UPU4G",
    });
  });
});
