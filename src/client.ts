// The Albums client: one method per operation, a thin layer over a typed openapi-fetch client
// (`raw`, which stays reachable for anything the methods do not cover).
import createClient, { type Client } from "openapi-fetch";
import { authMiddleware, checkCredentials, type AccessToken } from "./auth.ts";
import { AlbumsInputError, apiErrorFrom } from "./errors.ts";
import type { Album, LibraryAlbumsPage, OperationId, paths, RemoveAlbumResult, SaveAlbumResult } from "./types.ts";
import { checkAlbumId, checkAlbumIds, checkCursor, checkLimit } from "./validate.ts";

export const productionBaseUrl = "https://api.music.amazon.dev/v1";

export interface AlbumsClientOptions {
  /** Your application's security profile ID, sent as `x-api-key`. */
  apiKey: string;
  /** A Login with Amazon access token, or a function returning the current one (called per request). */
  accessToken: AccessToken;
  /** Defaults to production, `https://api.music.amazon.dev/v1`. */
  baseUrl?: string;
  /** A fetch to use instead of the global one; it is called with a `Request`. */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Headers for this request only, such as `Prefer: code=404` for the mock. */
  headers?: Record<string, string>;
}

export interface LibraryPageOptions extends CallOptions {
  /** How many albums to return, from 1 to 100 (the API's default is 100). */
  limit?: number;
  /** The previous page's `pageInfo.token`. */
  cursor?: string;
}

export interface AlbumsClient {
  getAlbum(id: string, options?: CallOptions): Promise<Album>;
  getAlbums(ids: readonly string[], options?: CallOptions): Promise<Album[]>;
  getLibraryAlbums(options?: LibraryPageOptions): Promise<LibraryAlbumsPage>;
  saveLibraryAlbum(id: string, options?: CallOptions): Promise<SaveAlbumResult>;
  removeLibraryAlbum(id: string, options?: CallOptions): Promise<RemoveAlbumResult>;
  /** The typed openapi-fetch client underneath, with the same credentials and serialization. */
  readonly raw: Client<paths>;
}

export function createAlbumsClient(options: AlbumsClientOptions): AlbumsClient {
  const credentials = checkCredentials(options);
  const raw = createClient<paths>({
    baseUrl: checkBaseUrl(options.baseUrl ?? productionBaseUrl),
    // The description sends arrays comma-separated (`ids=A,B`); openapi-fetch would repeat them.
    querySerializer: { array: { style: "form", explode: false } },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
  raw.use(authMiddleware(credentials));

  return {
    raw,
    async getAlbum(id, call) {
      const path = { id: checkAlbumId("getAlbum", id) };
      return (await payload("getAlbum", raw.GET("/albums/{id}", { params: { path }, ...init(call) }))).album;
    },
    async getAlbums(ids, call) {
      const query = { ids: checkAlbumIds("getAlbums", ids) };
      return (await payload("getAlbums", raw.GET("/albums", { params: { query }, ...init(call) }))).albums;
    },
    async getLibraryAlbums(page = {}) {
      const limit = checkLimit("getLibraryAlbums", page.limit);
      const cursor = checkCursor("getLibraryAlbums", page.cursor);
      const query = { ...(limit === undefined ? {} : { limit }), ...(cursor === undefined ? {} : { cursor }) };
      const result = await payload("getLibraryAlbums", raw.GET("/me/library/albums", { params: { query }, ...init(page) }));
      return result.user.libraryAlbums;
    },
    async saveLibraryAlbum(id, call) {
      const path = { id: checkAlbumId("saveLibraryAlbum", id) };
      return (await payload("saveLibraryAlbum", raw.PUT("/me/library/albums/{id}", { params: { path }, ...init(call) })))
        .saveAlbum;
    },
    async removeLibraryAlbum(id, call) {
      const path = { id: checkAlbumId("removeLibraryAlbum", id) };
      return (
        await payload("removeLibraryAlbum", raw.DELETE("/me/library/albums/{id}", { params: { path }, ...init(call) }))
      ).removeAlbum;
    },
  };
}

/** The per-call options openapi-fetch takes, without keys whose value is undefined. */
function init(call: CallOptions | undefined): { signal?: AbortSignal; headers?: Record<string, string> } {
  return { ...(call?.signal ? { signal: call.signal } : {}), ...(call?.headers ? { headers: call.headers } : {}) };
}

/** The `data` of a 2xx response; anything else throws the typed error. */
async function payload<Data>(
  operation: OperationId,
  call: Promise<{ data?: { data: Data }; error?: unknown; response: Response }>,
): Promise<Data> {
  const { data, error, response } = await call;
  if (!response.ok) throw apiErrorFrom(operation, response, error);
  if (typeof data !== "object" || data === null || typeof data.data !== "object" || data.data === null) {
    throw apiErrorFrom(operation, response, data);
  }
  return data.data;
}

function checkBaseUrl(baseUrl: string): string {
  try {
    new URL(baseUrl);
  } catch {
    throw new AlbumsInputError(`baseUrl must be an absolute URL such as ${productionBaseUrl}, not ${JSON.stringify(baseUrl)}.`);
  }
  return baseUrl.replace(/\/+$/, "");
}
