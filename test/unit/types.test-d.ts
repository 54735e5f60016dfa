// Type tests: the unit project runs this file in vitest's typecheck mode (tsc, nothing executed), so
// a wrong expectTypeOf or an unused @ts-expect-error fails the run; npm run typecheck checks it too.
import { describe, expectTypeOf, it } from "vitest";
import type { components } from "../../generated/schema.gen.ts";
import { createAlbumsClient, type AlbumsApiError, type ErrorCode, type KnownErrorCode } from "../../src/index.ts";
import { credentials, json, recordingFetch } from "./support/recording-fetch.ts";

type Schemas = components["schemas"];
const client = createAlbumsClient({ ...credentials, fetch: recordingFetch(() => json({})).fetch });

describe("the client's types", () => {
  it("returns the generated schema types", () => {
    expectTypeOf(client.getAlbum).returns.resolves.toEqualTypeOf<Schemas["Album"]>();
    expectTypeOf(client.getAlbums).returns.resolves.toEqualTypeOf<Schemas["Album"][]>();
    expectTypeOf(client.getLibraryAlbums).returns.resolves.toEqualTypeOf<Schemas["LibraryAlbumConnection"]>();
    expectTypeOf(client.saveLibraryAlbum).returns.resolves.toEqualTypeOf<Schemas["SaveAlbumResult"]>();
    expectTypeOf(client.removeLibraryAlbum).returns.resolves.toEqualTypeOf<Schemas["RemoveAlbumResult"]>();
  });

  it("takes IDs as strings and only the documented options", () => {
    expectTypeOf(client.getAlbum).parameter(0).toEqualTypeOf<string>();
    // @ts-expect-error an album ID is a string, not a number
    void client.getAlbum(42).catch(() => undefined);
    // @ts-expect-error IDs are an array
    void client.getAlbums("B0064UPU4G").catch(() => undefined);
    // @ts-expect-error `pageSize` is not an option of getLibraryAlbums
    void client.getLibraryAlbums({ pageSize: 5 }).catch(() => undefined);
    // @ts-expect-error limit is a number
    void client.getLibraryAlbums({ limit: "5" }).catch(() => undefined);
    // @ts-expect-error the raw client knows the description's paths
    void client.raw.GET("/album/{id}", { params: { path: { id: "B0064UPU4G" } } }).catch(() => undefined);
  });

  it("types error codes as the known ones, open to new ones", () => {
    expectTypeOf<KnownErrorCode>().toExtend<ErrorCode>();
    expectTypeOf<"SOMETHING_NEW">().toExtend<ErrorCode>();
    expectTypeOf<AlbumsApiError["code"]>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<AlbumsApiError["status"]>().toEqualTypeOf<number>();
  });
});
