// Smoke program of the TypeScript client OpenAPI Generator writes with typescript-fetch: the calls
// of test/support/client-smoke.ts, against the mock or the drift server (ALBUMS_BASE_URL). Prints
// one line per call; an answer the client cannot decode ends it with the error.
import { AlbumsApi, Configuration, ErrorResponseFromJSON, LibraryApi, ResponseError, instanceOfErrorResponse, type ErrorResponse } from "./clients/typescript-fetch";

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

// The client's own credentials: `apiKey` goes out as x-api-key (the apiKey scheme), `accessToken`
// as `Authorization: Bearer <token>` (the loginWithAmazon http bearer scheme).
const configuration = new Configuration({
  basePath: env("ALBUMS_BASE_URL"),
  apiKey: env("ALBUMS_API_KEY"),
  accessToken: env("ALBUMS_ACCESS_TOKEN"),
});
const albums = new AlbumsApi(configuration);
const library = new LibraryApi(configuration);

/**
 * `<status> <code>` of a failed call. Any status outside 2xx rejects with a ResponseError that
 * carries the Response unread: its body is the ErrorResponse the description gives every error
 * status when it is JSON of that shape, and `-` when it is not (a gateway's HTML page).
 */
async function failure(call: Promise<unknown>): Promise<string> {
  const error = await call.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof ResponseError)) return `not a ResponseError: ${String(error)}`;
  const body: unknown = await error.response.json().catch(() => undefined);
  const envelope: ErrorResponse | undefined = typeof body === "object" && body !== null && instanceOfErrorResponse(body) ? ErrorResponseFromJSON(body) : undefined;
  return `${error.response.status} ${envelope?.error.code ?? "-"}`;
}

async function main(): Promise<void> {
  const album = (await albums.getAlbum({ id: "B0064UPU4G" })).data.album;
  console.log(`album: ${album.title}, ${album.duration} s`);
  // `ids` is one string: the IDs joined with commas.
  const two = (await albums.getAlbums({ ids: ["B0064UPU4G", "B00D3PLC1K"].join(",") })).data.albums;
  console.log(`albums: ${two.map((one) => `${one.id} ${one.title}`).join(", ")}`);
  const saves = [];
  for (const id of ["B091MTJT3P", "B00D3PLC1K", "B0064UPU4G"]) saves.push((await library.saveLibraryAlbum({ id })).data.saveAlbum);
  console.log(`save: ${saves.map((saved) => `${saved.album.id} ${saved.saveState}`).join(", ")}`);
  const first = (await library.getLibraryAlbums({ limit: 2 })).data.user.libraryAlbums;
  console.log(`page 1: ${first.edges.map((edge) => edge.node.id).join(", ")} (hasNextPage ${first.pageInfo.hasNextPage})`);
  const second = (await library.getLibraryAlbums({ limit: 2, cursor: first.pageInfo.token })).data.user.libraryAlbums;
  console.log(`page 2: ${second.edges.map((edge) => edge.node.id).join(", ")} (hasNextPage ${second.pageInfo.hasNextPage})`);
  const removed = (await library.removeLibraryAlbum({ id: "B091MTJT3P" })).data.removeAlbum;
  console.log(`remove: ${removed.album.id} ${removed.saveState}`);
  for (const id of ["B000000000", "B00000B502", "B00000B503"]) console.log(`${id}: ${await failure(albums.getAlbum({ id }))}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
