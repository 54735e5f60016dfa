// Which operation of the description a request is, from its method and path: errors name it.
import { AlbumsInputError } from "./errors.ts";
import type { OperationId } from "./types.ts";

const routes: Array<[method: string, path: RegExp, operation: OperationId]> = [
  ["GET", /^\/albums\/[^/]+$/, "getAlbum"],
  ["GET", /^\/albums$/, "getAlbums"],
  ["GET", /^\/me\/library\/albums$/, "getLibraryAlbums"],
  ["PUT", /^\/me\/library\/albums\/[^/]+$/, "saveLibraryAlbum"],
  ["DELETE", /^\/me\/library\/albums\/[^/]+$/, "removeLibraryAlbum"],
];

/** `basePath` is the path of the base URL (`/v1` in production), which the description's paths follow. */
export function operationOf(request: Request, basePath: string): OperationId {
  const path = new URL(request.url).pathname.slice(basePath.length);
  const route = routes.find(([method, pattern]) => method === request.method && pattern.test(path));
  if (!route) throw new AlbumsInputError(`${request.method} ${path} is not an operation of the Albums API.`);
  return route[2];
}
