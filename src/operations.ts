// Which operation of the description a request is, from its method and path: errors name it.
import { AlbumsInputError } from "./errors.js";
import type { OperationId } from "./types.js";

const routes: Array<[method: string, path: RegExp, operation: OperationId]> = [
  ["GET", /^\/albums\/[^/]+$/, "getAlbum"],
  ["GET", /^\/albums$/, "getAlbums"],
  ["GET", /^\/me\/library\/albums$/, "getLibraryAlbums"],
  ["PUT", /^\/me\/library\/albums\/[^/]+$/, "saveLibraryAlbum"],
  ["DELETE", /^\/me\/library\/albums\/[^/]+$/, "removeLibraryAlbum"],
];

/** `baseUrl` is the client's base URL without a trailing slash; the description's paths follow it. */
export function operationOf(request: { url: string; method: string }, baseUrl: string): OperationId {
  // String slicing, not new URL(): this runs on every request.
  const rest = request.url.slice(baseUrl.length);
  const query = rest.indexOf("?");
  const path = query === -1 ? rest : rest.slice(0, query);
  const route = routes.find(([method, pattern]) => method === request.method && pattern.test(path));
  if (!route) throw new AlbumsInputError(`${request.method} ${path} is not an operation of the Albums API.`);
  return route[2];
}
