// The Albums client: one method per operation, a thin layer over a typed openapi-fetch client
// (`raw`, which stays reachable). Underneath, the transport retries, times out and refreshes.
import createClient, { type Client } from "openapi-fetch";
import { checkCredentials, type AccessToken } from "./auth.js";
import { checkBaseUrl, checkHttpHosts } from "./base-url.js";
import { mapBounded } from "./bounded.js";
import { AlbumsError, AlbumsPaginationError, apiErrorFrom, withIds } from "./errors.js";
import { redact, secretsOf } from "./redact.js";
import { retryPolicy, type RetryOptions } from "./retry.js";
import { serializeQuery } from "./query.js";
import { RequestPlan } from "./request-plan.js";
import { createTransport, credentialsSentFor } from "./transport.js";
import type { Album, LibraryAlbumEdge, LibraryAlbumsPage, OperationId, paths, RemoveAlbumResult, SaveAlbumResult } from "./types.js";
import { checkAlbumId, checkAlbumIds, checkCursor, checkLimit, checkPositiveInteger, isWellFormed, maxIdsPerRequest, show } from "./validate.js";

export const productionBaseUrl = "https://api.music.amazon.dev/v1";
/** The default of `maxResponseBytes`: 10 MiB, some ten times the largest answer the API documents. */
export const defaultMaxResponseBytes = 10 * 1024 * 1024;

export interface AlbumsClientOptions {
  /** Your application's security profile ID, sent as `x-api-key`. */
  apiKey: string;
  /** A Login with Amazon access token, or a function returning the current one (called per request). */
  accessToken: AccessToken;
  /** Defaults to production, `https://api.music.amazon.dev/v1`. Must be https unless the host is loopback or in `allowHttpHosts`. */
  baseUrl?: string;
  /**
   * Host names (not loopback) that `baseUrl` may reach over plain http, such as `["mock"]` for a mock
   * in another container: the credentials then travel unencrypted to that host. Default none.
   */
  allowHttpHosts?: readonly string[];
  /**
   * A fetch to use instead of the global one; it is called with a `Request`, which it must send as
   * it is (with its signal, and its `redirect: "manual"`: the client follows redirects itself).
   */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Retries of 429, 500, 502, 503, 504 and failed connections; `false` for none. */
  retry?: RetryOptions | false;
  /** How long one attempt may take, headers and body included. Default 10,000 ms. */
  timeoutMs?: number;
  /** How many getAlbums requests of up to 100 IDs may be in flight at once. Default 4. */
  concurrency?: number;
  /** The most bytes an answer's body may have once decoded; a larger one fails with RESPONSE_TOO_LARGE. Default 10 MiB (10,485,760). */
  maxResponseBytes?: number;
}

export interface CallOptions {
  /** Aborts the call, its retries and the waits between them. */
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

export interface LibraryIterationOptions extends CallOptions {
  /** How many albums each request asks for, from 1 to 100 (the API's default is 100). */
  pageSize?: number;
}

export interface AlbumsClient {
  getAlbum(id: string, options?: CallOptions): Promise<Album>;
  /** Any number of IDs: duplicates removed, split into requests of at most 100, returned in input order. */
  getAlbums(ids: readonly string[], options?: CallOptions): Promise<Album[]>;
  getLibraryAlbums(options?: LibraryPageOptions): Promise<LibraryAlbumsPage>;
  /** Every album edge of the library, one page in memory at a time; `break` stops fetching. */
  iterateLibraryAlbums(options?: LibraryIterationOptions): AsyncGenerator<LibraryAlbumEdge, void, undefined>;
  saveLibraryAlbum(id: string, options?: CallOptions): Promise<SaveAlbumResult>;
  removeLibraryAlbum(id: string, options?: CallOptions): Promise<RemoveAlbumResult>;
  /** The typed openapi-fetch client underneath, with the same credentials, transport and serialization. */
  readonly raw: Client<paths>;
}

export function createAlbumsClient(options: AlbumsClientOptions): AlbumsClient {
  const credentials = checkCredentials(options);
  const baseUrl = checkBaseUrl(options.baseUrl ?? productionBaseUrl, productionBaseUrl, checkHttpHosts(options.allowHttpHosts));
  const base = withoutTrailingSlashes(baseUrl.href);
  const concurrency = checkPositiveInteger("concurrency", options.concurrency, 4);
  const transport = createTransport({
    fetch: options.fetch,
    credentials,
    policy: retryPolicy(options.retry),
    timeoutMs: checkPositiveInteger("timeoutMs", options.timeoutMs, 10_000),
    maxResponseBytes: checkPositiveInteger("maxResponseBytes", options.maxResponseBytes, defaultMaxResponseBytes),
    baseUrl: base,
  });
  const raw = createClient<paths>({
    baseUrl: base,
    fetch: transport,
    // The transport follows redirects itself, within the origin (redirects.ts).
    redirect: "manual",
    // `ids=A,B` with a literal comma, as Amazon's examples send it (see query.ts).
    querySerializer: serializeQuery,
    ...(options.headers ? { headers: options.headers } : {}),
  });

  // The methods' calls are built as plans rather than Requests (request-plan.ts), until someone
  // gives `raw` a middleware, which must be given real Requests: from then on, they are too.
  let planned: { Request: typeof Request } | {} = { Request: RequestPlan as unknown as typeof Request };
  const use = raw.use.bind(raw);
  raw.use = (...middleware) => {
    planned = {};
    use(...middleware);
  };
  /** The per-call options openapi-fetch takes. */
  const init = (call: CallOptions | undefined) => ({ ...planned, ...callOptions(call) });

  /** A page of the library, and the credentials its request carried (which an error about the page must not show). */
  const libraryPage = async (page: LibraryPageOptions) => {
    const limit = checkLimit("getLibraryAlbums", page.limit);
    const cursor = checkCursor("getLibraryAlbums", page.cursor);
    const query = { ...(limit === undefined ? {} : { limit }), ...(cursor === undefined ? {} : { cursor }) };
    const { data, response } = await answer("getLibraryAlbums", raw.GET("/me/library/albums", { params: { query }, ...init(page) }));
    return { page: data.user.libraryAlbums, credentials: credentialsSentFor(response) };
  };
  const getLibraryAlbums = async (page: LibraryPageOptions = {}): Promise<LibraryAlbumsPage> => (await libraryPage(page)).page;

  return {
    raw,
    getLibraryAlbums,

    async getAlbum(id, call) {
      const path = { id: checkAlbumId("getAlbum", id) };
      return (await payload("getAlbum", raw.GET("/albums/{id}", { params: { path }, ...init(call) }))).album;
    },

    async getAlbums(ids, call) {
      const unique = [...new Set(checkAlbumIds("getAlbums", ids))];
      const chunks = Array.from({ length: Math.ceil(unique.length / maxIdsPerRequest) }, (_, i) =>
        unique.slice(i * maxIdsPerRequest, (i + 1) * maxIdsPerRequest),
      );
      const pages = await mapBounded(
        chunks,
        concurrency,
        async (chunk, signal) => {
          const request = raw.GET("/albums", { params: { query: { ids: chunk.join(",") } }, ...init({ ...call, signal }) });
          try {
            return (await payload("getAlbums", request)).albums;
          } catch (error) {
            // Requests cancelled because another failed end with that request's error, which
            // already names its IDs: it is passed on as it is.
            throw error instanceof AlbumsError && error.ids === undefined ? withIds(error, chunk) : error;
          }
        },
        call?.signal,
      );
      return inInputOrder(pages.flat(), unique);
    },

    async *iterateLibraryAlbums(iteration = {}) {
      const limit = checkLimit("iterateLibraryAlbums", iteration.pageSize, "pageSize");
      const seen = new Set<string>();
      let cursor: string | undefined;
      for (let pages = 1; ; pages++) {
        const { page, credentials: sent } = await libraryPage({
          ...callOptions(iteration),
          ...(limit === undefined ? {} : { limit }),
          ...(cursor === undefined ? {} : { cursor }),
        });
        yield* page.edges;
        const { hasNextPage, token } = page.pageInfo;
        if (!hasNextPage) return;
        if (typeof token !== "string" || token === "") {
          throw new AlbumsPaginationError("pageInfo.hasNextPage is true but there is no pageInfo.token", pages);
        }
        // The token is the server's: shown only with the credentials taken out, should it be one of them.
        const shown = () => show(redact(token, secretsOf(sent)));
        // Tokens only, never albums: memory stays one page whatever the library's size.
        if (seen.has(token)) throw new AlbumsPaginationError(`the token ${shown()} came back`, pages);
        if (!isWellFormed(token)) throw new AlbumsPaginationError(`the token ${shown()} is not text that can be sent back`, pages);
        seen.add(token);
        cursor = token;
      }
    },

    async saveLibraryAlbum(id, call) {
      const path = { id: checkAlbumId("saveLibraryAlbum", id) };
      const result = await payload("saveLibraryAlbum", raw.PUT("/me/library/albums/{id}", { params: { path }, ...init(call) }));
      return result.saveAlbum;
    },

    async removeLibraryAlbum(id, call) {
      const path = { id: checkAlbumId("removeLibraryAlbum", id) };
      const result = await payload("removeLibraryAlbum", raw.DELETE("/me/library/albums/{id}", { params: { path }, ...init(call) }));
      return result.removeAlbum;
    },
  };
}

/** The caller's signal and headers, without keys whose value is undefined. */
function callOptions(call: CallOptions | undefined): CallOptions {
  return { ...(call?.signal ? { signal: call.signal } : {}), ...(call?.headers ? { headers: call.headers } : {}) };
}

type Call<Data> = Promise<{ data?: { data: Data }; error?: unknown; response: Response }>;

/** The `data` of a 2xx response; anything else throws the typed error. */
async function payload<Data>(operation: OperationId, call: Call<Data>): Promise<Data> {
  return (await answer(operation, call)).data;
}

/** The `data` of a 2xx response and the response; anything else throws the typed error, without the credentials. */
async function answer<Data>(operation: OperationId, call: Call<Data>): Promise<{ data: Data; response: Response }> {
  const { data, error, response } = await call;
  if (!response.ok) throw apiErrorFrom(operation, response, error, credentialsSentFor(response));
  if (typeof data !== "object" || data === null || typeof data.data !== "object" || data.data === null) {
    throw apiErrorFrom(operation, response, data, credentialsSentFor(response));
  }
  return { data: data.data, response };
}

/**
 * The albums in the order their IDs were asked for (an album the API sends twice, twice in its
 * place); any the API adds unasked follow, in the order they came. Grouped, not sorted: no
 * comparator whose ties could depend on the engine's sort.
 */
function inInputOrder(albums: readonly Album[], ids: readonly string[]): Album[] {
  const asked = new Map<string, Album[]>(ids.map((id) => [id, []]));
  const unasked: Album[] = [];
  for (const album of albums) (asked.get(album.id) ?? unasked).push(album);
  return [...[...asked.values()].flat(), ...unasked];
}

/** The base URL without its trailing slashes (a loop, not a regular expression: no pattern meets input twice). */
function withoutTrailingSlashes(href: string): string {
  let end = href.length;
  while (end > 0 && href[end - 1] === "/") end--;
  return href.slice(0, end);
}
