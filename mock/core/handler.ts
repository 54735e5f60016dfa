// What the mock answers to a request, whatever carries it (the Node.js server, MSW's handlers in
// Node.js or in a browser): it is routed, checked against the description (credentials, then
// parameters: validation.ts) and answered either by the reference provider (the realistic mode,
// the default) or by a mocker of the description's examples and generated data (the static mode,
// and in the realistic mode any request that says `Prefer: code=`, `example=` or `dynamic=`).
// Every answer is checked against the description before it leaves, and every refusal is in the
// API's error envelope.
import { checkCredentials, userDigestOf, userIdOf } from "./credentials.ts";
import { MockError, badRequest, envelope, type MockResponse } from "./envelope.ts";
import { parsePrefer, type Preferences } from "./prefer.ts";
import { createProvider, defaultProviderOptions, type Provider, type ProviderOptions } from "./provider.ts";
import { createRouter, type Route, type Router } from "./routes.ts";
import { createValidation, type QueryParameter, type SchemaCompiler, type Validation } from "./validation.ts";

import type { MockMode } from "./mode.ts";

export type { MockMode };

/** A request as the mock reads it: no body (the adapter refuses one, see `refuseBody`). */
export interface MockRequest {
  /** Upper case. */
  method: string;
  /** The path, percent-encoded as it was sent. */
  pathname: string;
  searchParams: URLSearchParams;
  /** Lower-case names. */
  headers: Record<string, string | string[] | undefined>;
}

/** What Prism's mocker reads of a request, in its own shape. */
export interface MockerRequest {
  method: string;
  url: { path: string; query: Record<string, string> };
  headers: Record<string, string>;
}

/** Answers from the description: its examples, a forced status, or generated data. */
export interface Mocker {
  mock(operationId: string, request: MockerRequest, preferences: Preferences): Promise<MockResponse>;
}

export interface HandlerOptions {
  /** The description with the realistic shapes (see realistic.overlay.yaml): what answers are checked against. */
  document: object;
  mode?: MockMode;
  /** Static mode: generated data for every response, as if each request said `Prefer: dynamic=true`. */
  dynamic?: boolean;
  provider?: Partial<ProviderOptions>;
  mocker: Mocker;
  /** What gives each validator of `document`: Ajv (compile.ts), or the build's precompiled ones for the description it ships. */
  compile: SchemaCompiler;
  /** Called when an answer of the mock's own broke the description (a 500 goes out instead). */
  log?: (line: string) => void;
}

export interface Handler {
  /** The answer, and the operation the request was routed to (undefined when it was not). */
  handle(request: MockRequest, refuseBody: (operationId: string) => Promise<void>): Promise<{ result: MockResponse; operationId: string | undefined }>;
  /** The realistic mode's provider (its catalog and state); undefined in the static mode. */
  provider: Provider | undefined;
  router: Router;
}

export function createHandler(options: HandlerOptions): Handler {
  const mode = options.mode ?? "realistic";
  const { document, mocker, log } = options;
  const router = createRouter(document);
  const validation = createValidation(document, options.compile);
  const provider = mode === "realistic" ? createProvider(document, options.provider) : undefined;

  async function answer(request: MockRequest, route: Route): Promise<MockResponse> {
    const credentials = checkCredentials(request.headers, { expiredTokens: mode === "realistic" });
    const query = queryOf(request.searchParams, route, validation);
    const violations = validation.request(route.operationId, { path: route.path, query });
    if (violations.length > 0) throw badRequest(`The request does not match the description: ${violations.join("; ")}.`);

    const preferences = { ...(options.dynamic ? { dynamic: true } : {}), ...parsePrefer(request.headers.prefer) };
    if (!provider || Object.keys(preferences).length > 0) {
      // Generated data is the same for the same request and seed: a page that reloads shows the same albums.
      const seed = preferences.seed ?? `${options.provider?.seed ?? defaultProviderOptions.seed}:${request.method} ${request.pathname}?${request.searchParams}`;
      return mocker.mock(route.operationId, mockerRequest(request), { ...preferences, seed });
    }
    return provider.handle({ operationId: route.operationId, path: route.path, query, credentials });
  }

  /**
   * The mock's own controls, under a prefix no path of the API has: `POST /__mock/reset` empties
   * every library (and every API key's rate limit), or, with `Authorization: Bearer <token>`, that
   * user's library alone. Not part of the API: no credentials needed, no description to check.
   */
  async function control(request: MockRequest, refuseBody: (operationId: string) => Promise<void>): Promise<MockResponse> {
    if (request.pathname !== `${controlPrefix}reset`) throw new MockError(404, "RESOURCE_NOT_FOUND", `${controlPrefix} has one control: POST ${controlPrefix}reset.`);
    if (isPreflight(request)) return preflight(request, ["POST"]);
    if (request.method !== "POST") throw new MockError(405, "METHOD_NOT_ALLOWED", `${controlPrefix}reset takes POST, not ${request.method}.`, { allow: "POST" });
    await refuseBody("the reset");
    if (!provider) throw badRequest("The static mode keeps no libraries: there is nothing to reset.");
    const authorization = request.headers.authorization;
    const token = typeof authorization === "string" && authorization.slice(0, 7).toLowerCase() === "bearer " ? authorization.slice(7).trim() : "";
    provider.reset(token === "" ? undefined : token);
    return { status: 200, headers: {}, body: token === "" ? { reset: "every library" } : { reset: "one library", user: userIdOf(userDigestOf(token)) } };
  }

  return {
    provider,
    router,
    async handle(request, refuseBody) {
      let operationId: string | undefined;
      try {
        if (request.pathname.startsWith(controlPrefix)) return { result: await control(request, refuseBody), operationId };
        if (isPreflight(request)) return { result: preflight(request, router.methods(request.pathname)), operationId };
        const route = router.find(request.method, request.pathname);
        operationId = route.operationId;
        await refuseBody(route.operationId);
        // Refusals too are checked against the description below: they are answers of the operation.
        let result = await answer(request, route).catch(refusal);
        const broken = validation.response(route.operationId, result.status, result.headers, result.body);
        if (broken.length > 0) {
          log?.(`  the answer broke the description: ${broken.join("; ")}`);
          result = envelope(500, "INTERNAL", `The mock's answer broke the description: ${broken.join("; ")}.`);
        }
        return { result, operationId };
      } catch (error) {
        return { result: refusal(error), operationId };
      }
    },
  };
}

/** Where the mock's own controls live: no path of the API starts so. */
export const controlPrefix = "/__mock/";

/**
 * Headers a browser page may read from a cross-origin answer: every one (a console in the docs
 * shows them all), and, for a request sent with credentials, where `*` is only a name, the two a
 * client needs.
 */
const exposedHeaders = "*, retry-after, allow";

/** The headers of an answer as it leaves: its own, the JSON media type, and CORS for a page on any origin. */
export function responseHeaders(result: MockResponse, origin: string | undefined): Record<string, string> {
  return {
    ...result.headers,
    ...(result.body === undefined ? {} : { "content-type": "application/json" }),
    "access-control-allow-origin": origin ?? "*",
    "access-control-expose-headers": exposedHeaders,
    vary: "origin",
  };
}

/** A refusal in the envelope; anything else thrown is the mock's own fault, answered as a 500 that says what. */
export function refusal(error: unknown): MockResponse {
  if (error instanceof MockError) return error.toResponse();
  return envelope(500, "INTERNAL", `The mock failed: ${error instanceof Error ? error.message : String(error)}`);
}

/** The error code of an answer, for the log line: ` CODE`, or nothing. */
export function errorCode(result: MockResponse): string {
  const code = (result.body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === "string" ? ` ${code}` : "";
}

/**
 * The query's parameters, each once. A declared parameter given twice is refused (a server may
 * read either value; `ids` is comma-separated in one parameter), and so is an empty one (Prism
 * read `?limit=` as no limit at all; the description allows no empty value).
 */
function queryOf(searchParams: URLSearchParams, route: Route, validation: Validation): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of new Set(searchParams.keys())) {
    const values = searchParams.getAll(name);
    const declared = validation.queryParameter(route.operationId, name);
    if (values.length > 1 && declared) {
      throw badRequest(`${name} was given ${values.length} times: send it once${isList(declared) ? `, with the values comma-separated (${name}=A,B)` : ""}.`);
    }
    if (declared && values.includes("") && !declared.allowEmptyValue) {
      throw badRequest(`The query parameter ${name} is empty: give it a value, or leave it out.`);
    }
    query[name] = values.at(-1) as string;
  }
  return query;
}

/** A parameter that holds a list: an array, or a string whose pattern is a comma-separated list (`ids`). */
function isList(parameter: QueryParameter): boolean {
  return parameter.schema.type === "array" || (typeof parameter.schema.pattern === "string" && parameter.schema.pattern.includes(","));
}

/** What Prism's mocker reads: the method, the raw path, the query, the headers. */
function mockerRequest(request: MockRequest): MockerRequest {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, [value ?? ""].flat().join(", ")]));
  return { method: request.method.toLowerCase(), url: { path: request.pathname, query: Object.fromEntries(request.searchParams) }, headers };
}

function isPreflight(request: MockRequest): boolean {
  return request.method === "OPTIONS" && request.headers.origin !== undefined && request.headers["access-control-request-method"] !== undefined;
}

function preflight(request: MockRequest, methods: string[]): MockResponse {
  return {
    status: 204,
    headers: {
      "access-control-allow-methods": methods.join(", ") || "GET",
      "access-control-allow-headers": String(request.headers["access-control-request-headers"] ?? "authorization, x-api-key"),
      "access-control-max-age": "600",
    },
  };
}
