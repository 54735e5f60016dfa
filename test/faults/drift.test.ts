// Our client against the API as it may plausibly answer tomorrow (test/support/drift-server.ts):
// an unknown property on every object, new values in every open set, IDs of other shapes, dates
// without milliseconds or with an offset, a repeated edge, an unknown save state and error code.
// It decodes all of it, and prints the same lines as every generated client's smoke program.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlbumsClient } from "../../src/index.ts";
import { smoke } from "../support/client-smoke.ts";
import { driftPageToken, expectedDriftOutput, startDriftServer, type DriftServer } from "../support/drift-server.ts";

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
    expect(album.duration).toBe(2 ** 31 + 3660);
    const page = await albums.getLibraryAlbums({ limit: 2 });
    expect(page.edges.map((edge) => edge.objectId)).toEqual(["1629502893999:lib-entry-42", "1629502893999:lib-entry-42"]);
    expect(page.pageInfo.token).toBe(driftPageToken);
    const all = [];
    for await (const edge of albums.iterateLibraryAlbums({ pageSize: 2 })) all.push(edge.node.id);
    expect(all).toEqual(["B07B62ZK5S", "B07B62ZK5S", "B06VWVWDDH"]);
  });
});
