// Every client method against Prism: the request is valid (Prism runs with --errors, so an
// invalid one would fail), and what the method returns is the description's example.
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../spec/support/spec.ts";
import { examplesOf, mockClient } from "./support.ts";

const first = (operationId: string) => examplesOf(operationId, "200")[0]?.value.data as JsonObject;

describe("each method against the mock", () => {
  it("getAlbum returns the album of the example", async () => {
    const { client, exchanges } = mockClient();
    expect(await client.getAlbum("B0064UPU4G")).toEqual(first("getAlbum").album);
    expect(exchanges[0]?.response.headers.get("sl-violations")).toBeNull();
  });

  it("getAlbums returns the albums of the example", async () => {
    const { client } = mockClient();
    expect(await client.getAlbums(["B0064UPU4G", "B00D3PLC1K"])).toEqual(first("getAlbums").albums);
  });

  it("getLibraryAlbums returns the page of the example, with and without paging options", async () => {
    const { client } = mockClient();
    const libraryAlbums = (first("getLibraryAlbums").user as JsonObject).libraryAlbums;
    expect(await client.getLibraryAlbums()).toEqual(libraryAlbums);
    expect(await client.getLibraryAlbums({ limit: 100, cursor: "tztok-v2_abc" })).toEqual(libraryAlbums);
  });

  it("getLibraryAlbums returns each named page when asked with Prefer: example=", async () => {
    const { client } = mockClient();
    for (const { name, value } of examplesOf("getLibraryAlbums", "200")) {
      const page = await client.getLibraryAlbums({ limit: 2, headers: { prefer: `example=${name}` } });
      expect(page).toEqual(((value.data as JsonObject).user as JsonObject).libraryAlbums);
    }
  });

  it("saveLibraryAlbum returns the saved result of the example", async () => {
    const { client } = mockClient();
    expect(await client.saveLibraryAlbum("B091MTJT3P")).toEqual(first("saveLibraryAlbum").saveAlbum);
  });

  it("removeLibraryAlbum returns the removed result of the example", async () => {
    const { client } = mockClient();
    expect(await client.removeLibraryAlbum("B091MTJT3P")).toEqual(first("removeLibraryAlbum").removeAlbum);
  });
});
