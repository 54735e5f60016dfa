// Our client against the API as it may plausibly answer tomorrow (test/support/drift-server.ts):
// an unknown property on every object, new values in every open set, IDs of other shapes, dates
// without milliseconds or with an offset, a repeated edge, an unknown save state and error code.
// It decodes all of it, and prints the same lines as every generated client's smoke program.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AlbumsApiError, createAlbumsClient, type AlbumsClient } from "../../src/index.ts";
import { expectedDriftOutput, startDriftServer, type DriftServer } from "../support/drift-server.ts";

/** The smoke programs' seven checks (generators/*), with our client. */
async function smoke(albums: AlbumsClient): Promise<string[]> {
  const lines: string[] = [];
  lines.push(`album: ${(await albums.getAlbum("B0064UPU4G")).title}`);
  lines.push(`albums: ${(await albums.getAlbums(["B0064UPU4G", "B00D3PLC1K"])).map((album) => `${album.id} ${album.title}`).join(", ")}`);
  const refused = await albums.raw.GET("/albums", { params: { query: { ids: ["not-an-id", "B0064UPU4G"] } } });
  lines.push(`ids: bad first ID refused with ${refused.response.status}`);
  const page = await albums.getLibraryAlbums({ limit: 20 });
  lines.push(`library: ${page.edges.map((edge) => edge.node.id).join(", ")} (hasNextPage ${page.pageInfo.hasNextPage})`);
  const saved = await albums.saveLibraryAlbum("B091MTJT3P");
  lines.push(`save: ${saved.album.id} ${saved.saveState}`);
  const removed = await albums.removeLibraryAlbum("B091MTJT3P");
  lines.push(`remove: ${removed.album.id} ${removed.saveState}`);
  const missing = await albums.getAlbum("B0064UPU4G", { headers: { prefer: "code=404" } }).catch((error: unknown) => error);
  lines.push(missing instanceof AlbumsApiError ? `404: ${missing.status} ${missing.code}` : `404: not an AlbumsApiError: ${String(missing)}`);
  return lines;
}

describe("the client against the drift server", () => {
  let drift: DriftServer;
  beforeAll(async () => {
    drift = await startDriftServer();
  });
  afterAll(() => drift.close());

  const client = () => createAlbumsClient({ apiKey: "amzn1.application.drift", accessToken: "drift-token", baseUrl: drift.url, retry: false });

  it("decodes every answer, and prints what every generated client prints", async () => {
    expect(await smoke(client())).toEqual(expectedDriftOutput);
  });

  it("keeps what it does not know: the unknown properties, the new values, the other shapes", async () => {
    const albums = client();
    const album = await albums.getAlbum("B0064UPU4G");
    expect(album).toMatchObject({ audioQualities: ["SD", "HD", "DOLBY_ATMOS"], releaseDate: "2001-03-07T05:00:00Z", addedLater: expect.any(Object) });
    const page = await albums.getLibraryAlbums();
    expect(page.edges.map((edge) => edge.objectId)).toEqual(["1629502893999:lib-entry-42", "1629502893999:lib-entry-42", "lib-entry-43.2"]);
    const all = [];
    for await (const edge of albums.iterateLibraryAlbums()) all.push(edge.node.id);
    expect(all).toEqual(["B07B62ZK5S", "B07B62ZK5S", "B06VWVWDDH"]);
  });
});
