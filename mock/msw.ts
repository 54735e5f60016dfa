// The mock as MSW request handlers, for tests that mock in-process (msw/node) or in a browser (its
// service worker): the same routing, validation, reference provider, state per bearer token and
// error envelope as the mock's server (core/handler.ts), answering for the production base URL
// unless told another. `Prefer: code=` and `example=` answer from the description's examples;
// generated data (`dynamic=true`) needs Prism, which runs only in the mock's server.
import { http, HttpResponse, type HttpHandler } from "msw";
import { ajvCompiler } from "./core/compile.ts";
import { createExampleMocker } from "./core/examples.ts";
import { createHandler, responseHeaders, type MockRequest } from "./core/handler.ts";
import type { MockMode } from "./core/mode.ts";
import { badRequest } from "./core/envelope.ts";
import type { MockState } from "./core/state.ts";
import { realisticDocument } from "./documents.ts";

export type { MockMode, MockState };

/** The API's production base URL, which a client created without a `baseUrl` calls. */
export const productionBaseUrl = "https://api.music.amazon.dev/v1";

export interface CreateHandlersOptions {
  /** What the handlers answer for (default production, https://api.music.amazon.dev/v1). */
  baseUrl?: string;
  /** `realistic` (default): a library per bearer token. `static`: the description's examples. */
  mode?: MockMode;
  /** Seeds the generated catalog (default 1). */
  seed?: number;
  /** Albums generated for the catalog beyond the examples' (default 300). */
  albums?: number;
  /** Requests a second per API key, in bursts of twice that; default `false` here: no limit. */
  rateLimit?: number | false;
  /** How many users' libraries are kept (default 10,000). */
  maxUsers?: number;
  /** The libraries to start with (a state document: {"users": {"<token>": ["<album ID>", ...]}}). */
  state?: MockState;
}

/** The handlers, and the state they share. */
export interface MockHandlers extends Array<HttpHandler> {
  /** Empties the library of the user whose bearer token this is; without one, every library. */
  reset(token?: string): void;
  /** Every library, users by the digest of their token. */
  state(): MockState;
}

export function createHandlers(options: CreateHandlersOptions = {}): MockHandlers {
  const base = (options.baseUrl ?? productionBaseUrl).replace(/\/$/, "");
  const basePath = new URL(base).pathname.replace(/\/$/, "");
  const handler = createHandler({
    document: realisticDocument,
    mocker: createExampleMocker(realisticDocument),
    compile: ajvCompiler(realisticDocument),
    ...(options.mode ? { mode: options.mode } : {}),
    provider: {
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.albums === undefined ? {} : { generatedAlbums: options.albums }),
      ...(options.maxUsers === undefined ? {} : { maxUsers: options.maxUsers }),
      rateLimit: options.rateLimit === undefined || options.rateLimit === false ? undefined : { capacity: 2 * options.rateLimit, perSecond: options.rateLimit, maxKeys: 10_000 },
    },
  });
  if (options.state !== undefined) {
    if (!handler.provider) throw new Error("The static mode keeps no libraries: a state is for the realistic mode.");
    handler.provider.importState(options.state);
  }
  const provider = () => {
    if (!handler.provider) throw new Error("The static mode keeps no libraries.");
    return handler.provider;
  };

  const answer = http.all(`${base}/*`, async ({ request }) => {
    const url = new URL(request.url);
    const headers: MockRequest["headers"] = {};
    request.headers.forEach((value, name) => void (headers[name] = value));
    const mockRequest: MockRequest = { method: request.method, pathname: url.pathname.slice(basePath.length) || "/", searchParams: url.searchParams, headers };
    // No operation takes a body: one is refused, as the server does.
    const refuseBody = async (operationId: string) => {
      const bytes = request.body ? (await request.arrayBuffer()).byteLength : 0;
      if (bytes > 0) throw badRequest(`${operationId} takes no request body; this request has one of ${bytes} bytes.`);
    };
    const { result } = await handler.handle(mockRequest, refuseBody);
    const body = request.method === "HEAD" || result.body === undefined ? null : JSON.stringify(result.body);
    return new HttpResponse(body, { status: result.status, headers: responseHeaders(result, headers.origin as string | undefined) });
  });

  return Object.assign([answer], {
    reset: (token?: string) => provider().reset(token),
    state: () => provider().exportState(),
  });
}
