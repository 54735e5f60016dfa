// The reference provider: an in-memory implementation of the five Albums operations on Fastify,
// with the description's envelopes, errors and codes. Deterministic given its seed.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { components } from "../generated/schema.gen.ts";
import { bundle } from "./bundle.ts";
import { createCatalog } from "./catalog.ts";
import { BadCursorError, Libraries } from "./library.ts";
import { RateLimiter, type RateLimit } from "./rate-limit.ts";

type Album = components["schemas"]["Album"];

export interface ProviderOptions {
  /** Seeds the generated part of the catalog. */
  seed?: number;
  /** How many albums to generate beyond the description's examples. */
  generatedAlbums?: number;
  rateLimit?: RateLimit;
}

const albumId = /^[A-Z0-9]{10}$/;

/** The methods each path of the description has, as a pattern of the path and its methods. */
const routes: Array<[RegExp, string[]]> = Object.entries(bundle.paths).map(([path, item]) => [
  new RegExp(`^${path.replace(/\{[^}]+\}/g, "[^/]+")}$`),
  Object.keys(item).filter((key) => ["get", "put", "post", "delete", "patch"].includes(key)).map((method) => method.toUpperCase()),
]);

function allowedMethods(path: string): string[] {
  return routes.find(([pattern]) => pattern.test(path))?.[1] ?? [];
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const defaultProviderOptions: Required<ProviderOptions> = {
  seed: 1,
  generatedAlbums: 300,
  rateLimit: { capacity: 300, perSecond: 150 },
};

export function createProvider(options: ProviderOptions = {}): FastifyInstance {
  const { seed, generatedAlbums, rateLimit } = { ...defaultProviderOptions, ...options };
  const catalog = createCatalog({ seed, generated: generatedAlbums });
  const libraries = new Libraries();
  const limiter = new RateLimiter(rateLimit);
  const app = Fastify({ logger: false });

  const reference = (album: Album) => ({ id: album.id, title: album.title, url: album.url });
  const checkId = (id: string): string => {
    if (!albumId.test(id)) throw new ApiError(400, "BAD_REQUEST", `The album ID "${id.slice(0, 40)}" is not 10 upper-case letters or digits.`);
    return id;
  };
  const known = (id: string): Album => {
    const album = catalog.get(checkId(id));
    if (!album) throw new ApiError(404, "RESOURCE_NOT_FOUND", `No album has the ID ${id}.`);
    return album;
  };
  const token = (request: FastifyRequest) => (request.headers.authorization ?? "").slice("Bearer ".length).trim();

  // Credentials, then the caller's rate: before any route.
  app.addHook("onRequest", async (request) => {
    const apiKey = request.headers["x-api-key"];
    const authorization = request.headers.authorization;
    if (typeof apiKey !== "string" || apiKey.trim() === "") throw new ApiError(401, "INVALID_AUTH_TYPE", "The x-api-key header is missing.");
    if (!authorization?.startsWith("Bearer ") && authorization !== "Bearer") {
      throw new ApiError(401, "INVALID_AUTH_TYPE", "The request has no bearer token.");
    }
    if (token(request) === "") throw new ApiError(401, "INVALID_AUTH_TOKEN", "The bearer token is empty.");
    if (token(request).startsWith("expired")) throw new ApiError(401, "INVALID_ACCESS_TOKEN", "The access token has expired.");
    const wait = limiter.take(apiKey);
    if (wait !== undefined) throw new ApiError(429, "THROTTLED", "Rate exceeded.", { "retry-after": String(wait) });
  });

  app.get<{ Params: { id: string } }>("/albums/:id", async (request) => ({ data: { album: known(request.params.id) } }));

  app.get<{ Querystring: { ids?: string } }>("/albums", async (request) => {
    const ids = (request.query.ids ?? "").split(",").filter((id) => id !== "");
    if (ids.length === 0 || ids.length > 100) throw new ApiError(400, "BAD_REQUEST", "ids must name 1 to 100 album IDs, comma-separated.");
    ids.forEach(checkId);
    // Unknown IDs are left out; when none is known, the answer is 404.
    const albums = ids.map((id) => catalog.get(id)).filter((album): album is Album => album !== undefined);
    if (albums.length === 0) throw new ApiError(404, "RESOURCE_NOT_FOUND", "None of the requested albums exists.");
    return { data: { albums } };
  });

  app.get<{ Querystring: { limit?: string; cursor?: string } }>("/me/library/albums", async (request) => {
    const limit = request.query.limit === undefined ? 100 : Number(request.query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new ApiError(400, "BAD_REQUEST", "limit must be a whole number from 1 to 100.");
    let page;
    try {
      page = libraries.page(token(request), limit, request.query.cursor);
    } catch (error) {
      if (error instanceof BadCursorError) throw new ApiError(400, "BAD_REQUEST", error.message);
      throw error;
    }
    const edges = page.entries.map((entry) => ({
      purchased: entry.purchased,
      uploaded: entry.uploaded,
      node: reference(catalog.get(entry.albumId) as Album),
      objectId: entry.objectId,
    }));
    const pageInfo = page.next === undefined ? { hasNextPage: false } : { hasNextPage: true, token: page.next };
    return { data: { user: { id: Libraries.userId(token(request)), libraryAlbums: { pageInfo, edgeCount: edges.length, edges } } } };
  });

  app.put<{ Params: { id: string } }>("/me/library/albums/:id", async (request) => {
    const album = known(request.params.id);
    libraries.save(token(request), album.id);
    return { data: { saveAlbum: { album: reference(album), saveState: "SAVED" } } };
  });

  app.delete<{ Params: { id: string } }>("/me/library/albums/:id", async (request) => {
    const album = known(request.params.id);
    libraries.remove(token(request), album.id);
    return { data: { removeAlbum: { album: reference(album), saveState: "REMOVED" } } };
  });

  // A path of the API with a method it does not have: 405, with the methods it does have.
  const methodNotAllowed = (request: FastifyRequest): ApiError | undefined => {
    const path = request.url.split("?")[0] ?? "";
    const allowed = allowedMethods(path);
    if (allowed.length === 0 || allowed.includes(request.method)) return undefined;
    return new ApiError(405, "METHOD_NOT_ALLOWED", `${request.method} is not a method of ${path}.`, { allow: allowed.join(", ") });
  };

  app.setNotFoundHandler(async (request) => {
    throw methodNotAllowed(request) ?? new ApiError(404, "RESOURCE_NOT_FOUND", `${request.method} ${request.url.split("?")[0]} is not an operation of this API.`);
  });

  // Every failure in the description's envelope. A method the path does not have is 405 even when
  // Fastify refused the request first (it wants a Content-Type for QUERY); its other refusals
  // are 400; anything unexpected is a 500.
  app.setErrorHandler(async (error: Error, request: FastifyRequest, reply: FastifyReply) => {
    const status = (error as { statusCode?: number }).statusCode;
    const apiError =
      error instanceof ApiError
        ? error
        : (methodNotAllowed(request) ??
          (status !== undefined && status >= 400 && status < 500
            ? new ApiError(400, "BAD_REQUEST", error.message)
            : new ApiError(500, "INTERNAL", "An internal error occurred.")));
    return reply
      .code(apiError.status)
      .headers(apiError.headers)
      .send({ error: { status: String(apiError.status), code: apiError.code, message: apiError.message } });
  });

  return app;
}
