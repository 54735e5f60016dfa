// Smoke program of the TypeScript client OpenAPI Generator writes with typescript-axios: the calls
// of test/support/client-smoke.ts, against the mock or the drift server (ALBUMS_BASE_URL). Prints
// one line per call; an answer the client cannot decode ends it with the error.
import { isAxiosError } from "axios";
import { AlbumsApi, Configuration, LibraryApi, type ErrorResponse } from "./clients/typescript-axios";

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

/** Whether a decoded body is the error envelope: axios hands over whatever came, typed or not. */
const isErrorResponse = (body: unknown): body is ErrorResponse =>
  typeof body === "object" && body !== null && typeof (body as ErrorResponse).error?.code === "string";

/**
 * `<status> <code>` of a failed call. Any status outside 2xx rejects with an AxiosError, and the
 * client types the body it carries as `any`: `isAxiosError<ErrorResponse>` names the type the
 * description gives every error, and the check above makes it true (a gateway's HTML page comes
 * as a string: `-`).
 */
async function failure(call: Promise<unknown>): Promise<string> {
  const error = await call.then(() => undefined, (caught: unknown) => caught);
  if (!isAxiosError<ErrorResponse>(error) || error.response === undefined) return `not an AxiosError with a response: ${String(error)}`;
  const body: unknown = error.response.data;
  return `${error.response.status} ${isErrorResponse(body) ? body.error.code : "-"}`;
}

async function main(): Promise<void> {
  const album = (await albums.getAlbum("B0064UPU4G")).data.data.album;
  console.log(`album: ${album.title}, ${album.duration} s`);
  // `ids` is one string: the IDs joined with commas.
  const two = (await albums.getAlbums(["B0064UPU4G", "B00D3PLC1K"].join(","))).data.data.albums;
  console.log(`albums: ${two.map((one) => `${one.id} ${one.title}`).join(", ")}`);
  const saves = [];
  for (const id of ["B091MTJT3P", "B00D3PLC1K", "B0064UPU4G"]) saves.push((await library.saveLibraryAlbum(id)).data.data.saveAlbum);
  console.log(`save: ${saves.map((saved) => `${saved.album.id} ${saved.saveState}`).join(", ")}`);
  const first = (await library.getLibraryAlbums(2)).data.data.user.libraryAlbums;
  console.log(`page 1: ${first.edges.map((edge) => edge.node.id).join(", ")} (hasNextPage ${first.pageInfo.hasNextPage})`);
  const second = (await library.getLibraryAlbums(2, first.pageInfo.token)).data.data.user.libraryAlbums;
  console.log(`page 2: ${second.edges.map((edge) => edge.node.id).join(", ")} (hasNextPage ${second.pageInfo.hasNextPage})`);
  const removed = (await library.removeLibraryAlbum("B091MTJT3P")).data.data.removeAlbum;
  console.log(`remove: ${removed.album.id} ${removed.saveState}`);
  for (const id of ["B000000000", "B00000B502", "B00000B503"]) console.log(`${id}: ${await failure(albums.getAlbum(id))}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
