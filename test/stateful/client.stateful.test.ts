// The client against the reference provider behind Prism's validating proxy: what the contract
// suite checks against the static mock, checked against a server that implements the API.
import { describe, expect, inject, it } from "vitest";
import type { JsonObject } from "../spec/support/spec.ts";
import { createValidator } from "../spec/support/validator.ts";
import { examplesOf, responseSchemaOf, spec } from "../contract/support.ts";
import { failure } from "../support/failure.ts";
import { stackClient } from "./support.ts";

const validate = createValidator(spec);
const exampleData = (operationId: string) => examplesOf(operationId, "200")[0]?.value.data as JsonObject;

describe("each method through the stack", () => {
  it("getAlbum returns the catalog's album, the description's example", async () => {
    const { client } = stackClient();
    expect(await client.getAlbum("B0064UPU4G")).toEqual(exampleData("getAlbum").album);
  });

  it("getAlbums returns both albums, in order, as the example", async () => {
    const { client } = stackClient();
    expect(await client.getAlbums(["B0064UPU4G", "B00D3PLC1K"])).toEqual(exampleData("getAlbums").albums);
  });

  it("saveLibraryAlbum, getLibraryAlbums and removeLibraryAlbum return valid payloads", async () => {
    const { client } = stackClient();
    expect(await client.saveLibraryAlbum("B091MTJT3P")).toEqual(exampleData("saveLibraryAlbum").saveAlbum);
    const page = await client.getLibraryAlbums({ limit: 10 });
    expect(validate(responseSchemaOf("getLibraryAlbums", "200"), { data: { user: { id: "u", libraryAlbums: page } } })).toEqual([]);
    expect(await client.removeLibraryAlbum("B091MTJT3P")).toEqual(exampleData("removeLibraryAlbum").removeAlbum);
  });

  it("sends ids comma-separated: a bad first ID is refused, which a repeated parameter would hide", async () => {
    const { client } = stackClient();
    const { response } = await client.raw.GET("/albums", { params: { query: { ids: ["not-an-id", "B0064UPU4G"] } } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "BAD_REQUEST", message: 'The album ID "not-an-id" is not 10 upper-case letters or digits.' } });
  });
});

describe("errors through the stack, as the client's typed errors", () => {
  it("an unknown album: 404 RESOURCE_NOT_FOUND", async () => {
    const { client } = stackClient();
    // One call at a time: a failed expectation must not leave the others' rejections unhandled.
    for (const call of [() => client.getAlbum("B000000000"), () => client.saveLibraryAlbum("B000000000"), () => client.getAlbums(["B000000000"])]) {
      expect(await failure(call())).toMatchObject({ name: "AlbumsApiError", status: 404, code: "RESOURCE_NOT_FOUND" });
    }
  });

  it("an expired token: 401 INVALID_ACCESS_TOKEN", async () => {
    const { client } = stackClient({ accessToken: "expired-token" });
    expect(await failure(client.getAlbum("B0064UPU4G"))).toMatchObject({ status: 401, code: "INVALID_ACCESS_TOKEN" });
  });

  it("a cursor the API never gave: 400 BAD_REQUEST", async () => {
    const { client } = stackClient();
    expect(await failure(client.getLibraryAlbums({ cursor: "made-up" }))).toMatchObject({ status: 400, code: "BAD_REQUEST" });
  });

  it("a request without both credentials: 401", async () => {
    const base = inject("statefulUrl");
    const statuses = await Promise.all(
      [{}, { "x-api-key": "amzn1.application.k" }, { authorization: "Bearer t" }].map(async (headers) => (await fetch(`${base}/albums/B0064UPU4G`, { headers })).status),
    );
    expect(statuses).toEqual([401, 401, 401]);
  });
});
