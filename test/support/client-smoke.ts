// The smoke programs' calls (generators/*), made with our own client: the same lines as every
// generated client prints, against the mock (expectedSmokeOutput) and the drift server
// (expectedDriftOutput). Against the mock, the client's user must start with an empty library.
import { AlbumsApiError, type AlbumsClient } from "../../src/index.ts";

/** `<status> <code>` of a failed call, `-` for the code when the body is not the error envelope. */
async function failure(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AlbumsApiError)) return `not an AlbumsApiError: ${String(error)}`;
  return `${error.status} ${error.code === "UNEXPECTED_RESPONSE" ? "-" : error.code}`;
}

export async function smoke(albums: AlbumsClient): Promise<string[]> {
  const lines: string[] = [];
  const album = await albums.getAlbum("B0064UPU4G");
  lines.push(`album: ${album.title}, ${album.duration} s`);
  const two = await albums.getAlbums(["B0064UPU4G", "B00D3PLC1K"]);
  lines.push(`albums: ${two.map((one) => `${one.id} ${one.title}`).join(", ")}`);
  const saves = [];
  for (const id of ["B091MTJT3P", "B00D3PLC1K", "B0064UPU4G"]) saves.push(await albums.saveLibraryAlbum(id));
  lines.push(`save: ${saves.map((saved) => `${saved.album.id} ${saved.saveState}`).join(", ")}`);
  const first = await albums.getLibraryAlbums({ limit: 2 });
  lines.push(`page 1: ${first.edges.map((edge) => edge.node.id).join(", ")} (hasNextPage ${first.pageInfo.hasNextPage})`);
  const second = await albums.getLibraryAlbums({ limit: 2, ...(first.pageInfo.token ? { cursor: first.pageInfo.token } : {}) });
  lines.push(`page 2: ${second.edges.map((edge) => edge.node.id).join(", ")} (hasNextPage ${second.pageInfo.hasNextPage})`);
  const removed = await albums.removeLibraryAlbum("B091MTJT3P");
  lines.push(`remove: ${removed.album.id} ${removed.saveState}`);
  for (const id of ["B000000000", "B00000B502", "B00000B503"]) lines.push(`${id}: ${await failure(albums.getAlbum(id))}`);
  return lines;
}
