// The API as it may plausibly answer tomorrow: the description's own examples, evolved the way
// APIs evolve without breaking their contract. Every object gains a property the description
// does not list, every open set a value it does not know (DOLBY_ATMOS, ALREADY_SAVED, an unknown
// error code), IDs change shape (entry and user IDs that are not UUIDs or lower-case), a date
// loses its milliseconds and another comes with an offset, and a page repeats an edge. A client generated from the description,
// or ours, must decode all of it: `expectedDriftOutput` is what each smoke program prints.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The smoke programs' lines against this server: the same calls as against the mock. */
export const expectedDriftOutput = [
  "album: Discovery",
  "albums: B0064UPU4G Discovery, B00D3PLC1K Around the world",
  "ids: bad first ID refused with 400",
  "library: B07B62ZK5S, B07B62ZK5S, B06VWVWDDH (hasNextPage false)",
  "save: B091MTJT3P ALREADY_SAVED",
  "remove: B091MTJT3P REMOVED",
  "404: 404 ALBUM_NOT_AVAILABLE_IN_MARKET",
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

const responses = {
  album: () => {
    const body = example("AlbumDiscovery");
    const data = body.data as JsonObject;
    data.album = evolvedAlbum(data.album as JsonObject);
    return withUnknownProperties(body);
  },
  albums: () => {
    const body = example("AlbumsDiscoveryAndAroundTheWorld");
    const data = body.data as JsonObject;
    const [first, second] = (data.albums as JsonObject[]).map(evolvedAlbum);
    // A date-time with an offset instead of Z: RFC 3339 allows both.
    data.albums = [first, { ...second, releaseDate: "1997-04-11T00:00:00-05:00" }] as JsonObject[];
    return withUnknownProperties(body);
  },
  library: () => {
    const body = example("LibraryAlbumsOnePage");
    const user = (body.data as JsonObject).user as JsonObject;
    user.id = "amzn1.account.AF3XJ2KQ7EXAMPLE";
    const connection = user.libraryAlbums as JsonObject;
    const [first, second] = connection.edges as JsonObject[];
    // An entry ID that is no UUID, and the first edge twice: a Set-typed client would drop it.
    const entries = [
      { ...first, objectId: "1629502893999:lib-entry-42" },
      { ...first, objectId: "1629502893999:lib-entry-42" },
      { ...second, objectId: "lib-entry-43.2" },
    ] as JsonObject[];
    connection.edges = entries;
    connection.edgeCount = entries.length;
    return withUnknownProperties(body);
  },
  save: () => {
    const body = example("SaveAlbumResult");
    ((body.data as JsonObject).saveAlbum as JsonObject).saveState = "ALREADY_SAVED";
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
    const send = (status: number, body: Json) => {
      response.writeHead(status, { "content-type": "application/json", "access-control-allow-origin": "*" });
      response.end(JSON.stringify(body));
    };
    const route = `${request.method} ${url.pathname.replace(/\/[A-Z0-9]{10}$/, "/{id}")}`;
    if (/code=404/.test(String(request.headers.prefer ?? ""))) {
      return send(404, responses.error(404, "ALBUM_NOT_AVAILABLE_IN_MARKET", "The album is not available in your market."));
    }
    switch (route) {
      case "GET /albums/{id}":
        return send(200, responses.album());
      case "GET /albums": {
        const ids = url.searchParams.getAll("ids").flatMap((value) => value.split(","));
        if (ids.length === 0 || !ids.every((id) => albumId.test(id))) return send(400, responses.error(400, "BAD_REQUEST", "ids holds an ID that is not one."));
        return send(200, responses.albums());
      }
      case "GET /me/library/albums":
        return send(200, responses.library());
      case "PUT /me/library/albums/{id}":
        return send(200, responses.save());
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
