// The client against the mock's realistic mode: what each method returns, and the typed errors
// of a server that implements the API (not forced with Prefer headers).
import { describe, expect, it } from "vitest";
import { examplesOf } from "../contract/support.ts";
import type { JsonObject } from "../spec/support/spec.ts";
import { failure } from "../support/failure.ts";
import { useMock, userClient } from "./support.ts";

const mock = useMock();
const exampleData = (operationId: string) => examplesOf(operationId, "200")[0]?.value.data as JsonObject;

describe("each method", () => {
  it("getAlbum returns the catalog's album, the description's example", async () => {
    const { client } = userClient();
    expect(await client.getAlbum("B0064UPU4G")).toEqual(exampleData("getAlbum").album);
  });

  it("getAlbums returns both albums, in order, as the example", async () => {
    const { client } = userClient();
    expect(await client.getAlbums(["B0064UPU4G", "B00D3PLC1K"])).toEqual(exampleData("getAlbums").albums);
  });

  it("saveLibraryAlbum puts the album in the library; removeLibraryAlbum takes it out", async () => {
    const { client } = userClient();
    expect(await client.saveLibraryAlbum("B091MTJT3P")).toEqual(exampleData("saveLibraryAlbum").saveAlbum);
    const page = await client.getLibraryAlbums({ limit: 10 });
    expect(page).toMatchObject({ pageInfo: { hasNextPage: false }, edgeCount: 1 });
    expect(page.edges).toEqual([
      { purchased: false, uploaded: false, node: { id: "B091MTJT3P", title: "All Rebel Rockers", url: "https://music.amazon.com/albums/B091MTJT3P" }, objectId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    ]);
    expect(await client.removeLibraryAlbum("B091MTJT3P")).toEqual(exampleData("removeLibraryAlbum").removeAlbum);
    expect((await client.getLibraryAlbums()).edges).toEqual([]);
  });

  it("getAlbums leaves unknown IDs out", async () => {
    const { client } = userClient();
    expect((await client.getAlbums(["B000000000", "B0064UPU4G"])).map((album) => album.id)).toEqual(["B0064UPU4G"]);
  });
});

describe("errors, as the client's typed errors", () => {
  it("an unknown album: 404 RESOURCE_NOT_FOUND, for a get, a save, a remove and a multi-get of unknown IDs only", async () => {
    const { client } = userClient();
    // One call at a time: a failed expectation must not leave the others' rejections unhandled.
    for (const call of [
      () => client.getAlbum("B000000000"),
      () => client.saveLibraryAlbum("B000000000"),
      () => client.removeLibraryAlbum("B000000000"),
      () => client.getAlbums(["B000000000", "B000000001"]),
    ]) {
      expect(await failure(call())).toMatchObject({ name: "AlbumsApiError", status: 404, code: "RESOURCE_NOT_FOUND" });
    }
  });

  it("an expired token: 401 INVALID_ACCESS_TOKEN", async () => {
    const { client } = userClient({ accessToken: "expired-token" });
    expect(await failure(client.getAlbum("B0064UPU4G"))).toMatchObject({ status: 401, code: "INVALID_ACCESS_TOKEN" });
  });

  it("an expired token, refreshed by the token function: the call succeeds", async () => {
    const tokens = ["expired-1", "fresh-1"];
    const { client, statuses } = userClient({ accessToken: () => tokens.shift() ?? "fresh-2" });
    expect((await client.getAlbum("B0064UPU4G")).id).toBe("B0064UPU4G");
    expect(statuses).toEqual([401, 200]);
  });

  it("a cursor the API never gave: 400 BAD_REQUEST", async () => {
    const { client } = userClient();
    expect(await failure(client.getLibraryAlbums({ cursor: "made-up" }))).toMatchObject({ status: 400, code: "BAD_REQUEST" });
  });

  it("a request without both credentials: 401 INVALID_AUTH_TYPE, in the envelope", async () => {
    const base = mock().url;
    const answers = await Promise.all(
      [{}, { "x-api-key": "amzn1.application.k" }, { authorization: "Bearer t" }].map(async (headers) => {
        const response = await fetch(`${base}/albums/B0064UPU4G`, { headers });
        return [response.status, await response.json()];
      }),
    );
    for (const [status, body] of answers) {
      expect(status).toBe(401);
      expect(body).toMatchObject({ error: { status: "401", code: "INVALID_AUTH_TYPE" } });
    }
  });
});
