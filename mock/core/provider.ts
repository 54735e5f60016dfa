// The reference provider: an in-memory implementation of the five Albums operations, answering
// as the API would (a library per user, real pages, the album asked for, 404 for unknown IDs,
// 429 with Retry-After past the rate limit). It sees only requests the description accepts:
// the server has checked the route, the credentials and every parameter before it is called.
import type { components } from "../../generated/schema.gen.ts";
import { createCatalog, type Catalog, type ExampleSource } from "./catalog.ts";
import { userDigestOf, userIdOf, type Credentials } from "./credentials.ts";
import { parseState, stateOf, type MockState } from "./state.ts";
import { MockError, badRequest, type MockResponse } from "./envelope.ts";
import { BadCursorError, Libraries } from "./library.ts";
import { RateLimiter, type RateLimit } from "./rate-limit.ts";

type Album = components["schemas"]["Album"];

export type OperationId = "getAlbum" | "getAlbums" | "getLibraryAlbums" | "saveLibraryAlbum" | "removeLibraryAlbum";

export interface ProviderRequest {
  operationId: OperationId;
  /** Decoded path parameters. */
  path: Record<string, string>;
  /** Decoded query parameters. */
  query: Record<string, string>;
  credentials: Credentials;
}

export interface ProviderOptions {
  /** Seeds the generated part of the catalog. */
  seed: number;
  /** How many albums to generate beyond the description's examples. */
  generatedAlbums: number;
  /** The rate limit per API key; `undefined` for none. */
  rateLimit: RateLimit | undefined;
  /** How many users' libraries are kept (least recently used forgotten first). */
  maxUsers: number;
  /** Milliseconds, monotonic; tests inject their own clock. */
  now?: () => number;
  /** Told when a library is forgotten to keep at most `maxUsers` (the mock's log). */
  log?: (line: string) => void;
}

/** 300 requests at once per API key, refilled at 150 a second; at most 10,000 keys' buckets kept. */
export const defaultRateLimit: RateLimit = { capacity: 300, perSecond: 150, maxKeys: 10_000 };

export const defaultProviderOptions: ProviderOptions = {
  seed: 1,
  generatedAlbums: 300,
  rateLimit: defaultRateLimit,
  maxUsers: 10_000,
};

export interface Provider {
  catalog: Catalog;
  handle(request: ProviderRequest): MockResponse;
  /** How much state the provider holds: for the memory tests and the banner. */
  state(): { users: number; apiKeys: number };
  /** Every user's library, as a state document (users by digest). */
  exportState(): MockState;
  /** Replaces the libraries of the users a state document names; throws a StateError saying what is wrong with it. */
  importState(state: unknown): void;
  /** Empties the library of the user whose bearer token this is; without a token, every library, and every API key's rate limit. */
  reset(token?: string): void;
}

export function createProvider(document: ExampleSource, options: Partial<ProviderOptions> = {}): Provider {
  const { seed, generatedAlbums, rateLimit, maxUsers, now, log } = { ...defaultProviderOptions, ...options };
  const catalog = createCatalog({ document, seed, generated: generatedAlbums });
  // A library forgotten comes back empty: the log says so, naming the user as the API's answers do (data.user.id).
  const libraries = new Libraries(maxUsers, (user, albums) =>
    log?.(`  forgot the library of user ${userIdOf(user)} (${albums} album${albums === 1 ? "" : "s"}): the mock keeps the ${maxUsers} most recently seen users' libraries (--max-users)`),
  );
  const limiter = rateLimit ? new RateLimiter(rateLimit, now) : undefined;

  const known = (id: string): Album => {
    const album = catalog.get(id);
    if (!album) throw new MockError(404, "RESOURCE_NOT_FOUND", `No album has the ID ${id}.`);
    return album;
  };
  const reference = (album: Album) => ({ id: album.id, title: album.title, url: album.url });
  const ok = (data: unknown): MockResponse => ({ status: 200, headers: {}, body: { data } });

  const operations: Record<OperationId, (request: ProviderRequest) => MockResponse> = {
    getAlbum: ({ path }) => ok({ album: known(path.id as string) }),

    getAlbums: ({ query }) => {
      // Unknown IDs are left out; when none is known, the answer is 404.
      const ids = [...new Set((query.ids ?? "").split(","))];
      const albums = ids.map((id) => catalog.get(id)).filter((album) => album !== undefined);
      if (albums.length === 0) throw new MockError(404, "RESOURCE_NOT_FOUND", "None of the requested albums exists.");
      return ok({ albums });
    },

    getLibraryAlbums: ({ query, credentials }) => {
      const limit = query.limit === undefined ? 100 : Number(query.limit);
      let page;
      try {
        page = libraries.page(credentials.userDigest, limit, query.cursor);
      } catch (error) {
        if (error instanceof BadCursorError) throw badRequest(error.message);
        throw error;
      }
      const edges = page.entries.map((entry) => ({
        purchased: entry.purchased,
        uploaded: entry.uploaded,
        node: reference(known(entry.albumId)),
        objectId: entry.objectId,
      }));
      const pageInfo = page.next === undefined ? { hasNextPage: false } : { hasNextPage: true, token: page.next };
      return ok({ user: { id: credentials.userId, libraryAlbums: { pageInfo, edgeCount: edges.length, edges } } });
    },

    saveLibraryAlbum: ({ path, credentials }) => {
      const album = known(path.id as string);
      libraries.save(credentials.userDigest, album.id);
      return ok({ saveAlbum: { album: reference(album), saveState: "SAVED" } });
    },

    removeLibraryAlbum: ({ path, credentials }) => {
      const album = known(path.id as string);
      libraries.remove(credentials.userDigest, album.id);
      return ok({ removeAlbum: { album: reference(album), saveState: "REMOVED" } });
    },
  };

  return {
    catalog,
    handle(request) {
      const wait = limiter?.take(request.credentials.apiKeyDigest);
      if (wait !== undefined) throw new MockError(429, "THROTTLED", "Rate exceeded.", { "retry-after": String(wait) });
      return operations[request.operationId](request);
    },
    state: () => ({ users: libraries.users, apiKeys: limiter?.keys ?? 0 }),
    exportState: () => stateOf(libraries.all().map(({ user, albums }) => ({ userDigest: user, albums }))),
    importState(state) {
      // Checked whole before anything changes: a state with a mistake leaves the libraries as they were.
      const parsed = parseState(state, userDigestOf, (id) => catalog.get(id) !== undefined);
      for (const { userDigest, albums } of parsed) libraries.load(userDigest, albums);
    },
    reset(token) {
      if (token === undefined) {
        libraries.clear();
        limiter?.clear();
      } else {
        libraries.clear(userDigestOf(token));
      }
    },
  };
}
