import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AlbumsInputError, createAlbumsClient, type AlbumsClient } from "../../src/index.ts";
import { albumIdPattern, isWellFormed, maxIdsPerRequest, pageLimit } from "../../src/validate.ts";
import { credentials, json, recordingFetch } from "./support/recording-fetch.ts";

/** `count` different valid album IDs. */
const distinctIds = (count: number) => Array.from({ length: count }, (_, i) => `B${String(i).padStart(9, "0")}`);
const idsOf = (request: Request) => new URL(request.url).searchParams.get("ids")?.split(",");

function client() {
  const recording = recordingFetch(() => json({}));
  return { client: createAlbumsClient({ ...credentials, fetch: recording.fetch }), requests: recording.requests };
}

/** Calls with input the client must refuse: each must throw AlbumsInputError and send nothing. */
const refused: Array<[string, (c: AlbumsClient) => Promise<unknown>, RegExp]> = [
  ["a lower-case ID", (c) => c.getAlbum("b0064upu4g"), /^getAlbum: the album ID "b0064upu4g" is not 10 upper-case letters or digits\.$/],
  ["a 9-character ID", (c) => c.saveLibraryAlbum("B0064UPU4"), /^saveLibraryAlbum: the album ID "B0064UPU4" is not/],
  ["an ID with a path in it", (c) => c.removeLibraryAlbum("B0064UPU4G/x"), /^removeLibraryAlbum: the album ID "B0064UPU4G\/x"/],
  ["a number as an ID", (c) => c.getAlbum(42 as unknown as string), /^getAlbum: the album ID 42 is not/],
  ["an empty ID list", (c) => c.getAlbums([]), /^getAlbums: the list of album IDs is empty\.$/],
  ["a bad ID among good ones", (c) => c.getAlbums(["B0064UPU4G", "nope"]), /^getAlbums: album ID 2 of 2, "nope", is not/],
  ["IDs that are not an array", (c) => c.getAlbums("B0064UPU4G" as unknown as string[]), /must be an array of strings, not "B0064UPU4G"/],
  ["limit 0", (c) => c.getLibraryAlbums({ limit: 0 }), /^getLibraryAlbums: limit must be a whole number from 1 to 100, not 0\.$/],
  ["limit 101", (c) => c.getLibraryAlbums({ limit: 101 }), /not 101\.$/],
  ["limit 1.5", (c) => c.getLibraryAlbums({ limit: 1.5 }), /not 1\.5\.$/],
  ["limit as a string", (c) => c.getLibraryAlbums({ limit: "20" as unknown as number }), /not "20"\.$/],
  ["an empty cursor", (c) => c.getLibraryAlbums({ cursor: "" }), /^getLibraryAlbums: cursor must be the non-empty pageInfo\.token/],
  ["a cursor that is not a string", (c) => c.getLibraryAlbums({ cursor: 5 as unknown as string }), /^getLibraryAlbums: cursor must be .*, not 5\.$/],
  // A number whose digits would pass the pattern is still not a string.
  ["a number with ten digits as an ID", (c) => c.getAlbum(1234567890 as unknown as string), /^getAlbum: the album ID 1234567890 is not/],
  ["a number with ten digits among IDs", (c) => c.getAlbums([1234567890 as unknown as string]), /^getAlbums: album ID 1 of 1, 1234567890, is not/],
  ["a pageSize of 0", (c) => drain(c.iterateLibraryAlbums({ pageSize: 0 })), /^iterateLibraryAlbums: pageSize must be a whole number from 1 to 100, not 0\.$/],
  // How the message shows what was given: short, printable, whatever it is.
  ["null as an ID", (c) => c.getAlbum(null as unknown as string), /^getAlbum: the album ID null is not/],
  ["no ID", (c) => c.getAlbum(undefined as unknown as string), /^getAlbum: the album ID undefined is not/],
  ["true as an ID", (c) => c.getAlbum(true as unknown as string), /^getAlbum: the album ID true is not/],
  ["a function as an ID", (c) => c.getAlbum((() => "B0064UPU4G") as unknown as string), /^getAlbum: the album ID a function is not/],
  ["an object as an ID", (c) => c.getAlbum({ id: "B0064UPU4G" } as unknown as string), /^getAlbum: the album ID an object is not/],
  ["an array among IDs", (c) => c.getAlbums([["B0064UPU4G"]] as unknown as string[]), /^getAlbums: album ID 1 of 1, an array, is not/],
  ["a long ID", (c) => c.getAlbum("A".repeat(41)), new RegExp(`^getAlbum: the album ID "${"A".repeat(40)}…" is not`)],
  ["an ID of 40 characters", (c) => c.getAlbum("A".repeat(40)), new RegExp(`^getAlbum: the album ID "${"A".repeat(40)}" is not`)],
];

async function drain(iteration: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of iteration) void _;
}

describe("bad input", () => {
  it.each(refused)("%s is refused with a clear error, and nothing is sent", async (_, call, message) => {
    const { client: c, requests } = client();
    const error = await call(c).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlbumsInputError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it("accepts http on loopback hosts only", () => {
    for (const baseUrl of ["http://127.0.0.1:4010", "http://localhost:4010/v1", "http://[::1]:4010", "http://127.8.9.10", "https://example.org/v1"]) {
      expect(() => createAlbumsClient({ apiKey: "k", accessToken: "t", baseUrl })).not.toThrow();
    }
  });

  it("accepts the bounds themselves: limits 1 and 100, and 100 distinct IDs in one request", async () => {
    const { client: c, requests } = client();
    for (const limit of [1, 100]) await c.getLibraryAlbums({ limit }).catch(() => undefined);
    const ids = distinctIds(100);
    await c.getAlbums(ids).catch(() => undefined);
    expect(requests.map((r) => new URL(r.url).searchParams.get("limit"))).toEqual(["1", "100", null]);
    expect(requests[2] && idsOf(requests[2])).toEqual(ids);
  });

  it("splits 101 distinct IDs into a request of 100 and one of 1, as getAlbums documents", async () => {
    const { client: c, requests } = client();
    const ids = distinctIds(101);
    await c.getAlbums(ids).catch(() => undefined);
    expect(requests.map(idsOf)).toEqual([ids.slice(0, 100), ids.slice(100)]);
  });

  it.each([
    ["no apiKey", { accessToken: "t" }, /^apiKey is required/],
    ["an empty apiKey", { apiKey: " ", accessToken: "t" }, /^apiKey is required/],
    ["no accessToken", { apiKey: "k" }, /^accessToken is required/],
    ["an empty accessToken", { apiKey: "k", accessToken: "" }, /^accessToken is required/],
    ["an accessToken of blanks", { apiKey: "k", accessToken: "   " }, /^accessToken is required/],
    ["a relative baseUrl", { apiKey: "k", accessToken: "t", baseUrl: "/v1" }, /^baseUrl must be an absolute URL/],
    ["an http baseUrl on another host", { apiKey: "k", accessToken: "t", baseUrl: "http://api.music.amazon.dev/v1" }, /would send the API key and the token unencrypted: use https:, or http: only for a loopback host/],
    ["an ftp baseUrl", { apiKey: "k", accessToken: "t", baseUrl: "ftp://127.0.0.1/" }, /over ftp:/],
    ["a private-network http baseUrl", { apiKey: "k", accessToken: "t", baseUrl: "http://192.168.1.10:4010" }, /unencrypted/],
    ["a timeoutMs of 0", { apiKey: "k", accessToken: "t", timeoutMs: 0 }, /^timeoutMs must be a whole number of at least 1, not 0\.$/],
    ["a concurrency of 1.5", { apiKey: "k", accessToken: "t", concurrency: 1.5 }, /^concurrency must be a whole number of at least 1, not 1\.5\.$/],
    ["a retry.maxAttempts of 0", { apiKey: "k", accessToken: "t", retry: { maxAttempts: 0 } }, /^retry\.maxAttempts must be a whole number of at least 1, not 0\.$/],
  ])("a client with %s is refused at creation", (_, options, message) => {
    expect(() => createAlbumsClient(options as Parameters<typeof createAlbumsClient>[0])).toThrow(message);
  });

  it("a token function that returns nothing fails before the request is sent", async () => {
    const recording = recordingFetch(() => json({}));
    const c = createAlbumsClient({ apiKey: "k", accessToken: () => "", fetch: recording.fetch });
    await expect(c.getAlbum("B0064UPU4G")).rejects.toThrow(/^accessToken returned no token/);
    expect(recording.requests).toHaveLength(0);
  });
});

describe("the client's bounds", () => {
  const spec = JSON.parse(readFileSync(new URL("../../generated/openapi.json", import.meta.url), "utf8"));
  const parameters = spec.components.parameters;

  it("are the description's", () => {
    expect(albumIdPattern.source).toBe(parameters.AlbumId.schema.pattern);
    // ids: one album ID, then up to 99 more after commas: the most one request may carry is 100.
    const id = albumIdPattern.source.slice(1, -1);
    expect(parameters.AlbumIds.schema.pattern).toBe(`^${id}(,${id}){0,${maxIdsPerRequest - 1}}$`);
    expect(pageLimit).toEqual({ minimum: parameters.Limit.schema.minimum, maximum: parameters.Limit.schema.maximum });
  });
});

describe("isWellFormed: text fetch can write into a URL", () => {
  // What encodeURIComponent (and so a URL) can and cannot hold, case by case at each edge of the
  // surrogate ranges: U+D800–U+DBFF lead a pair, U+DC00–U+DFFF end one, and alone neither encodes.
  it.each([
    ["", true],
    ["plain text", true],
    ["\uD7FF", true],
    ["\uE000", true],
    ["\uD800\uDC00", true],
    ["\uDBFF\uDFFF", true],
    ["a\uD83D\uDE00b\uD83D\uDE00", true],
    ["\uD800", false],
    ["\uDBFF", false],
    ["\uDC00", false],
    ["\uDFFF", false],
    ["a\uD83D", false],
    ["\uD83Da", false],
    ["\uD800\uDBFF", false],
    ["\uD800\uE000", false],
    ["\uDC00\uD800", false],
    ["\uD800\uDC00\uDC00", false],
    ["\uDE00\uD83D", false],
  ])("%j: %s", (text, expected) => {
    expect(isWellFormed(text)).toBe(expected);
    // The rule it stands in for.
    expect(expected).toBe((() => {
      try {
        encodeURIComponent(text);
        return true;
      } catch {
        return false;
      }
    })());
  });
});
