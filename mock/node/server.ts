// The mock: one HTTP server in this process. Every request is routed, checked against the
// description (credentials, then parameters: validation.ts) and answered either by the reference
// provider (the realistic mode, the default) or by Prism's mocker (the static mode, and in the realistic mode
// any request that says `Prefer: code=`, `example=` or `dynamic=`). Every answer is checked
// against the description before it leaves, and every refusal, including what Node's HTTP
// parser would answer by itself, is in the API's error envelope. No input makes it crash.
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { IHttpRequest } from "@stoplight/prism-http";
import { checkCredentials } from "../core/credentials.ts";
import { MockError, badRequest, envelope, type MockResponse } from "../core/envelope.ts";
import { parsePrefer } from "../core/prefer.ts";
import { createPrismMocker } from "./prism.ts";
import { createProvider, type Provider, type ProviderOptions } from "../core/provider.ts";
import { realisticDocument } from "./realistic.ts";
import { createRouter, type Route } from "../core/routes.ts";
import { createValidation, type QueryParameter, type Validation } from "../core/validation.ts";

export type MockMode = "realistic" | "static";

export interface MockServerOptions {
  /** The bundled description (generated/openapi.json, parsed). */
  document: object;
  /** `realistic` (default): the reference provider answers. `static`: the description's examples. */
  mode?: MockMode;
  /** Static mode: generated data for every response, as if each request said `Prefer: dynamic=true`. */
  dynamic?: boolean;
  provider?: Partial<ProviderOptions>;
  /** Called with one line per request; leave it out for a quiet mock. */
  log?: (line: string) => void;
  /** The largest request body read (and refused) before the connection is closed. */
  maxBodyBytes?: number;
}

export interface MockServer {
  /** Resolves with the URL it serves, such as http://127.0.0.1:4010. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** The realistic mode's provider (its catalog and state); undefined in the static mode. */
  provider: Provider | undefined;
  server: Server;
  /**
   * Resolves once everything the mock may need is loaded (Prism's mocker, in its worker thread):
   * `npm start` says it serves only then. Requests are answered before it; one that needs Prism
   * waits for it, without blocking the others.
   */
  ready: Promise<void>;
}

/** Headers a browser page may read from a cross-origin answer. */
const exposedHeaders = "retry-after, allow";

export async function createMockServer(options: MockServerOptions): Promise<MockServer> {
  const mode = options.mode ?? "realistic";
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  // Generated and checked against the realistic shapes, which every answer of the published description also has.
  const document = await realisticDocument(options.document);
  const prism = createPrismMocker(document);
  const router = createRouter(document);
  const validation = createValidation(document);
  const provider = mode === "realistic" ? createProvider(document, options.provider) : undefined;
  const log = options.log;

  async function answer(request: IncomingMessage, route: Route): Promise<MockResponse> {
    const credentials = checkCredentials(request.headers, { expiredTokens: mode === "realistic" });
    const url = new URL(request.url ?? "/", "http://mock");
    const query = queryOf(url, route, validation);
    const violations = validation.request(route.operationId, { path: route.path, query });
    if (violations.length > 0) throw badRequest(`The request does not match the description: ${violations.join("; ")}.`);

    const preferences = parsePrefer(request.headers.prefer);
    if (!provider || preferences) {
      return prism.mock(route.operationId, prismRequest(request, url), { ...(options.dynamic ? { dynamic: true } : {}), ...preferences });
    }
    return provider.handle({ operationId: route.operationId, path: route.path, query, credentials });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = request.method ?? "GET";
    const pathname = (request.url ?? "/").split("?")[0] as string;
    let result: MockResponse;
    let operationId: string | undefined;
    try {
      if (isPreflight(request)) {
        result = preflight(request, router.methods(pathname));
      } else {
        const route = router.find(method, pathname);
        operationId = route.operationId;
        await refuseBody(request, maxBodyBytes, route.operationId);
        // Refusals too are checked against the description below: they are answers of the operation.
        result = await answer(request, route).catch(refusal);
        const broken = validation.response(route.operationId, result.status, result.headers, result.body);
        if (broken.length > 0) {
          log?.(`  the answer broke the description: ${broken.join("; ")}`);
          result = envelope(500, "INTERNAL", `The mock's answer broke the description: ${broken.join("; ")}.`);
        }
      }
    } catch (error) {
      result = refusal(error);
    }
    send(request, response, result);
    log?.(`${method} ${pathname.slice(0, 120)} ${result.status}${errorCode(result)} ${operationId ?? "-"} ${(performance.now() - started).toFixed(1)} ms`);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // Only a failure to write can land here: the connection is gone or going.
      log?.(`  could not answer ${request.method} ${request.url?.slice(0, 120)}: ${String(error)}`);
      response.destroy();
    });
  });
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => answerClientError(error, socket));

  return {
    server,
    provider,
    ready: prism.ready,
    async listen(port, host = "127.0.0.1") {
      server.listen(port, host);
      // Rejects with the error when it cannot listen (EADDRINUSE), and leaves no listener behind.
      await once(server, "listening");
      const { port: bound } = server.address() as AddressInfo;
      return `http://${host.includes(":") ? `[${host}]` : host}:${bound}`;
    },
    close: async () => {
      await Promise.all([
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Idle keep-alive connections would hold close() open until they time out.
          server.closeAllConnections();
        }),
        prism.close(),
      ]);
    },
  };
}

/** A refusal in the envelope; anything else thrown is the mock's own fault, answered as a 500 that says what. */
function refusal(error: unknown): MockResponse {
  if (error instanceof MockError) return error.toResponse();
  return envelope(500, "INTERNAL", `The mock failed: ${error instanceof Error ? error.message : String(error)}`);
}

function errorCode(result: MockResponse): string {
  const code = (result.body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === "string" ? ` ${code}` : "";
}

/**
 * The query's parameters, each once. A declared parameter given twice is refused (a server may
 * read either value; `ids` is comma-separated in one parameter), and so is an empty one (Prism
 * read `?limit=` as no limit at all; the description allows no empty value).
 */
function queryOf(url: URL, route: Route, validation: Validation): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
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
function prismRequest(request: IncomingMessage, url: URL): IHttpRequest {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, [value ?? ""].flat().join(", ")]));
  const method = (request.method ?? "GET").toLowerCase() as IHttpRequest["method"];
  return { method, url: { path: url.pathname, query: Object.fromEntries(url.searchParams) }, headers };
}

/**
 * No operation of the API takes a request body. One is read (up to the limit) and refused,
 * so that a client learns it is sending something the API ignores; a larger one is not read
 * at all, and the connection is closed after the answer.
 */
async function refuseBody(request: IncomingMessage, maxBytes: number, operationId: string): Promise<void> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (!request.headers["transfer-encoding"] && declared === 0) return;
  const tooLarge = () =>
    new MockError(400, "BAD_REQUEST", `${operationId} takes no request body, and this one is over ${maxBytes} bytes.`, { connection: "close" });
  if (declared > maxBytes) throw tooLarge();
  let bytes = 0;
  for await (const chunk of request) {
    bytes += (chunk as Buffer).length;
    if (bytes > maxBytes) throw tooLarge();
  }
  if (bytes > 0) throw badRequest(`${operationId} takes no request body; this request has one of ${bytes} bytes.`);
}

function isPreflight(request: IncomingMessage): boolean {
  return request.method === "OPTIONS" && request.headers.origin !== undefined && request.headers["access-control-request-method"] !== undefined;
}

function preflight(request: IncomingMessage, methods: string[]): MockResponse {
  return {
    status: 204,
    headers: {
      "access-control-allow-methods": methods.join(", ") || "GET",
      "access-control-allow-headers": String(request.headers["access-control-request-headers"] ?? "authorization, x-api-key"),
      "access-control-max-age": "600",
    },
  };
}

function send(request: IncomingMessage, response: ServerResponse, result: MockResponse): void {
  const body = result.body === undefined ? "" : JSON.stringify(result.body);
  response.writeHead(result.status, {
    ...result.headers,
    ...(result.body === undefined ? {} : { "content-type": "application/json" }),
    "content-length": Buffer.byteLength(body),
    "access-control-allow-origin": request.headers.origin ?? "*",
    "access-control-expose-headers": exposedHeaders,
    vary: "origin",
  });
  response.end(body);
}

/**
 * What Node's HTTP parser refuses before any handler runs (headers over its limit, a request
 * line it cannot read, a slow client), answered in the envelope instead of Node's bare 400,
 * 408 or 431.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const message =
    error.code === "HPE_HEADER_OVERFLOW"
      ? "The request's headers are larger than the mock accepts (16 KiB in all)."
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? "The request did not arrive in time."
        : `The request is not valid HTTP/1.1 (${error.code ?? "unreadable"}).`;
  const body = JSON.stringify(envelope(400, "BAD_REQUEST", message).body);
  socket.end(
    `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
