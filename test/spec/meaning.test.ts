// What the description means, pinned as literals, so that a change of meaning fails here and not
// only at the release gate as a version bump: what every object always carries (`required`), the
// known values of each open set, and every link's expression, which must resolve in each example
// of the answer it follows to a value its target parameter takes (a link pointed at `hasNextPage`
// would hand a boolean to `cursor`).
import { describe, expect, it } from "vitest";
import { deref, loadSpec, operations, type JsonObject } from "./support/spec.ts";

const spec = loadSpec();
const schemas = (spec.components as JsonObject).schemas as Record<string, JsonObject>;

describe("the description's promises, written out", () => {
  it("says what every object always carries, and no more", () => {
    const required = Object.fromEntries(Object.entries(schemas).filter(([, schema]) => schema.required).map(([name, schema]) => [name, schema.required]));
    expect(required).toEqual({
      Album: ["id", "title", "url"],
      AlbumReference: ["id"],
      ArtistReference: ["id", "name"],
      TrackReference: ["id", "title"],
      Market: ["id", "name"],
      Image: ["url"],
      Eligibility: ["isDownloadable", "isPurchaseable", "isPreviewable", "isPrimeEligible"],
      ParentalSettings: ["isKidFriendly", "hasExplicitLanguage"],
      AlbumResponse: ["data"],
      AlbumData: ["album"],
      AlbumsResponse: ["data"],
      AlbumsData: ["albums"],
      LibraryAlbumsResponse: ["data"],
      LibraryAlbumsData: ["user"],
      LibraryUser: ["id", "libraryAlbums"],
      LibraryAlbumConnection: ["pageInfo", "edgeCount", "edges"],
      LibraryAlbumEdge: ["node", "purchased", "uploaded"],
      PageInfo: ["hasNextPage"],
      SaveAlbumResponse: ["data"],
      SaveAlbumData: ["saveAlbum"],
      SaveAlbumResult: ["album", "saveState"],
      RemoveAlbumResponse: ["data"],
      RemoveAlbumData: ["removeAlbum"],
      RemoveAlbumResult: ["album", "saveState"],
      ErrorResponse: ["error"],
      ErrorDetail: ["status", "code", "message"],
    });
  });

  it("lists the known values of each open set", () => {
    const known = Object.fromEntries(Object.entries(schemas).filter(([, schema]) => schema["x-extensible-enum"]).map(([name, schema]) => [name, schema["x-extensible-enum"]]));
    expect(known).toEqual({
      AudioQuality: ["SD", "HD", "UHD", "360RA"],
      SaveState: ["SAVED", "REMOVED"],
      ErrorCode: ["BAD_REQUEST", "INVALID_AUTH_TYPE", "INVALID_AUTH_TOKEN", "INVALID_ACCESS_TOKEN", "ACCESS_DENIED", "AUTH_NO_MUSIC_ACCOUNT_FOUND", "RESOURCE_NOT_FOUND", "THROTTLED", "INTERNAL", "DEPENDENCY"],
    });
  });
});

/** The value a `$response.body#/...` expression names in a body, or undefined. */
function resolveExpression(expression: string, body: unknown): unknown {
  const [, pointer] = /^\$response\.body#(\/.*)$/.exec(expression) ?? [];
  if (pointer === undefined) throw new Error(`${expression} is not a $response.body expression`);
  return pointer
    .split("/")
    .slice(1)
    .reduce<unknown>((at, segment) => (at as Record<string, unknown> | undefined)?.[segment.replaceAll("~1", "/").replaceAll("~0", "~")], body);
}

describe("every link", () => {
  const links = operations(spec).flatMap(({ operation }) =>
    Object.entries(((deref(spec, (operation.responses as JsonObject)["200"]) as JsonObject).links ?? {}) as JsonObject).map(([name, link]) => ({
      from: String(operation.operationId),
      name,
      link: deref(spec, link) as JsonObject,
      examples: Object.values(((((deref(spec, (operation.responses as JsonObject)["200"]) as JsonObject).content as JsonObject)["application/json"] as JsonObject).examples ?? {}) as JsonObject).map(
        (example) => (deref(spec, example) as JsonObject).value,
      ),
    })),
  );

  it("are the six the stateful tools follow", () => {
    expect(links.map(({ from, name, link }) => `${from} -${name}-> ${String(link.operationId)}`).sort()).toEqual([
      "getAlbum -saveLibraryAlbum-> saveLibraryAlbum",
      "getAlbums -saveLibraryAlbum-> saveLibraryAlbum",
      "getLibraryAlbums -next-> getLibraryAlbums",
      "getLibraryAlbums -removeLibraryAlbum-> removeLibraryAlbum",
      "saveLibraryAlbum -getAlbum-> getAlbum",
      "saveLibraryAlbum -removeLibraryAlbum-> removeLibraryAlbum",
    ]);
  });

  it.each(links.map((entry) => [`${entry.from} -${entry.name}->`, entry] as const))("%s resolves, in each example that has it, to a value its target parameter takes", (_, { link, examples }) => {
    const target = operations(spec).find(({ operation }) => operation.operationId === link.operationId);
    expect(target, String(link.operationId)).toBeDefined();
    const parameters = [...(((target?.pathItem.parameters as JsonObject[]) ?? [])), ...(((target?.operation.parameters as JsonObject[]) ?? []))].map((parameter) => deref(spec, parameter) as JsonObject);
    for (const [name, expression] of Object.entries(link.parameters as Record<string, string>)) {
      const parameter = parameters.find((candidate) => candidate.name === name);
      expect(parameter, `${String(link.operationId)} has no parameter ${name}`).toBeDefined();
      const schema = parameter?.schema as JsonObject;
      const resolved = examples.map((example) => resolveExpression(expression, example)).filter((value) => value !== undefined);
      // The next page's token is absent from the last page's example, as it should be; every other link resolves in every example.
      expect(resolved.length, `${expression} in no example`).toBeGreaterThan(0);
      for (const value of resolved) {
        expect(typeof value, `${expression} gives ${JSON.stringify(value)}`).toBe(schema.type);
        if (typeof schema.pattern === "string") expect(String(value)).toMatch(new RegExp(schema.pattern));
      }
    }
  });
});
