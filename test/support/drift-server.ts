// The API as it may plausibly answer tomorrow: the description's own examples, evolved the way
// APIs evolve without breaking their contract. Every object gains a property the description
// does not list, every open set a value it does not know (DOLBY_ATMOS, ALREADY_SAVED, an unknown
// error code), IDs change shape (entry and user IDs that are not UUIDs or lower-case), a date
// loses its milliseconds and another comes with an offset, integers pass 2^31, a page repeats an
// edge, a page token needs encoding, the JSON media type comes in other casings and with a
// charset, and a gateway answers an HTML 502 and a 503 with Retry-After. A client generated from
// the description, or ours, must decode all of it: `expectedDriftOutput` is what each smoke
// program prints, `expectedSmokeOutput` what it prints against the mock.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * What every smoke program prints against the mock (its default mode, a user of its own): the
 * same calls in every language. Three saves, the library in pages of two (`limit`, then `cursor`),
 * a remove, and three album IDs the catalog does not have, each a typed 404.
 */
export const expectedSmokeOutput = [
  "album: Discovery, 3660 s",
  "albums: B0064UPU4G Discovery, B00D3PLC1K Around the world",
  "save: B091MTJT3P SAVED, B00D3PLC1K SAVED, B0064UPU4G SAVED",
  "page 1: B091MTJT3P, B00D3PLC1K (hasNextPage true)",
  "page 2: B0064UPU4G (hasNextPage false)",
  "remove: B091MTJT3P REMOVED",
  "B000000000: 404 RESOURCE_NOT_FOUND",
  "B00000B502: 404 RESOURCE_NOT_FOUND",
  "B00000B503: 404 RESOURCE_NOT_FOUND",
];

/**
 * The same calls against this server: a duration past 2^31, an unknown save state, a repeated
 * edge and a page token with reserved characters, an unknown error code, a gateway's HTML 502
 * (no envelope: "-" for its code) and a 503 with `Retry-After` that only `default` describes.
 */
export const expectedDriftOutput = [
  "album: Discovery, 2147487308 s",
  "albums: B0064UPU4G Discovery, B00D3PLC1K Around the world",
  "save: B091MTJT3P ALREADY_SAVED, B00D3PLC1K SAVED, B0064UPU4G SAVED",
  "page 1: B07B62ZK5S, B07B62ZK5S (hasNextPage true)",
  "page 2: B06VWVWDDH (hasNextPage false)",
  "remove: B091MTJT3P REMOVED",
  "B000000000: 404 ALBUM_NOT_AVAILABLE_IN_MARKET",
  "B00000B502: 502 -",
  "B00000B503: 503 SERVICE_UNAVAILABLE",
];

const bundle = JSON.parse(readFileSync(fileURLToPath(new URL("../../generated/openapi.json", import.meta.url)), "utf8")) as {
  components: { examples: Record<string, { value: JsonObject }> };
};
const example = (name: string): JsonObject => structuredClone(bundle.components.examples[name]?.value) as JsonObject;

/** A property the description does not list, on every object of the value, nested ones included. */
function withUnknownProperties(value: Json): Json {
  if (Array.isArray(value)) return value.map(withUnknownProperties);
  if (value === null || typeof value !== "object") return value;
  const evolved: JsonObject = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, withUnknownProperties(child)]));
  evolved.addedLater = { note: "a field this description does not list", since: 2027 };
  return evolved;
}

function evolvedAlbum(album: JsonObject): JsonObject {
  return {
    ...album,
    releaseDate: "2001-03-07T05:00:00Z",
    audioQualities: ["SD", "HD", "DOLBY_ATMOS"],
  };
}

/** A token of another form than the mock's, with characters a client must encode in a query. */
export const driftPageToken = "1629502893999:lib/entry+42=";

const titles: Record<string, string> = { B091MTJT3P: "All Rebel Rockers", B00D3PLC1K: "Around the world", B0064UPU4G: "Discovery" };

const responses = {
  album: () => {
    const body = example("AlbumDiscovery");
    const data = body.data as JsonObject;
    // Past 2^31: a client that reads it into 32 bits wraps it to a negative number.
    data.album = { ...evolvedAlbum(data.album as JsonObject), duration: 2 ** 31 + 3660 };
    return withUnknownProperties(body);
  },
  albums: () => {
    const body = example("AlbumsDiscoveryAndAroundTheWorld");
    const data = body.data as JsonObject;
    const [first, second] = (data.albums as JsonObject[]).map(evolvedAlbum);
    // A date-time with an offset instead of Z: RFC 3339 allows both.
    data.albums = [first, { ...second, releaseDate: "1997-04-11T00:00:00-05:00", trackCount: 2 ** 32 + 1 }] as JsonObject[];
    return withUnknownProperties(body);
  },
  /** Two pages: the first repeats an edge (a Set-typed client would drop it), the second ends the listing. */
  libraryPage: (page: 1 | 2) => {
    const body = example("LibraryAlbumsOnePage");
    const user = (body.data as JsonObject).user as JsonObject;
    user.id = "amzn1.account.AF3XJ2KQ7EXAMPLE";
    const connection = user.libraryAlbums as JsonObject;
    const [first, second] = connection.edges as JsonObject[];
    // Entry IDs that are no UUIDs.
    const edges = (
      page === 1
        ? [
            { ...first, objectId: "1629502893999:lib-entry-42" },
            { ...first, objectId: "1629502893999:lib-entry-42" },
          ]
        : [{ ...second, objectId: "lib-entry-43.2" }]
    ) as JsonObject[];
    connection.edges = edges;
    connection.edgeCount = edges.length;
    connection.pageInfo = page === 1 ? { hasNextPage: true, token: driftPageToken } : { hasNextPage: false };
    return withUnknownProperties(body);
  },
  saved: (id: string) => {
    const body = example("SaveAlbumResult");
    const result = (body.data as JsonObject).saveAlbum as JsonObject;
    result.album = { id, title: titles[id] ?? `Album ${id}`, url: `https://music.amazon.com/albums/${id}` };
    // A save state the description does not list, for the album the example saves.
    result.saveState = id === "B091MTJT3P" ? "ALREADY_SAVED" : "SAVED";
    return withUnknownProperties(body);
  },
  remove: () => withUnknownProperties(example("RemoveAlbumResult")),
  error: (status: number, code: string, message: string) =>
    withUnknownProperties({ error: { status: String(status), code, message, reference: "drift-1", payload: { internalCode: "NEW_INTERNAL_CODE" } } }),
};

const albumId = /^[A-Z0-9]{10}$/;

export interface DriftServer {
  url: string;
  close(): Promise<void>;
}

export async function startDriftServer(): Promise<DriftServer> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://drift");
    // Every casing and form of the JSON media type that a server may send.
    const send = (status: number, body: Json, contentType = "application/json", headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": contentType, "access-control-allow-origin": "*", ...headers });
      response.end(JSON.stringify(body));
    };
    const badRequest = (message: string) => send(400, responses.error(400, "BAD_REQUEST", message));
    const id = /\/([A-Z0-9]{10})$/.exec(url.pathname)?.[1];
    const route = `${request.method} ${url.pathname.replace(/\/[A-Z0-9]{10}$/, "/{id}")}`;
    switch (route) {
      case "GET /albums/{id}":
        if (id === "B000000000") return send(404, responses.error(404, "ALBUM_NOT_AVAILABLE_IN_MARKET", "The album is not available in your market."), "application/json; charset=utf-8");
        if (id === "B00000B502") {
          response.writeHead(502, { "content-type": "text/html" });
          return response.end("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n");
        }
        if (id === "B00000B503") {
          return send(503, responses.error(503, "SERVICE_UNAVAILABLE", "The service is unavailable. Try again later."), "application/json; charset=utf-8", { "retry-after": "7" });
        }
        return send(200, responses.album(), "application/json; charset=utf-8");
      case "GET /albums": {
        // One parameter, comma-separated: a repeated or exploded form is refused, as an API may.
        const ids = url.searchParams.getAll("ids");
        if (ids.length !== 1 || !(ids[0] ?? "").split(",").every((one) => albumId.test(one))) {
          return badRequest(`ids must be one parameter of comma-separated IDs, not ${JSON.stringify(ids)}.`);
        }
        return send(200, responses.albums(), "Application/JSON");
      }
      case "GET /me/library/albums": {
        if (url.searchParams.get("limit") !== "2") return badRequest(`The smoke programs ask for pages of 2, not limit=${url.searchParams.get("limit")}.`);
        const cursor = url.searchParams.get("cursor");
        if (cursor === null) return send(200, responses.libraryPage(1), "application/json;charset=UTF-8");
        if (cursor === driftPageToken) return send(200, responses.libraryPage(2));
        return badRequest(`The cursor ${JSON.stringify(cursor)} is not the token the first page gave (${driftPageToken}), unchanged.`);
      }
      case "PUT /me/library/albums/{id}":
        return send(200, responses.saved(id as string), "APPLICATION/JSON; CHARSET=UTF-8");
      case "DELETE /me/library/albums/{id}":
        return send(200, responses.remove());
      default:
        return send(404, responses.error(404, "RESOURCE_NOT_FOUND", `${route} is not an operation of the drift server.`));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
