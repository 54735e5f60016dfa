// The mock as an HTTP server, in this process: core/handler.ts answers every request; this file
// carries them over node:http, and answers in the API's error envelope what Node.js would answer
// by itself (a request its parser cannot read, one without a Host, an Expect it does not meet, a
// CONNECT) with a bare status or a closed connection. No input makes it crash.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { MockError, badRequest, envelope, type MockResponse } from "../core/envelope.ts";
import { createHandler, errorCode, refusal, responseHeaders, type MockMode, type MockRequest } from "../core/handler.ts";
import type { Provider, ProviderOptions } from "../core/provider.ts";
import { closeServer, listenOn } from "./listen.ts";
import { createPrismMocker } from "./prism.ts";
import { precompiledCompiler } from "../core/validation.ts";
import { precompiledValidators } from "./validators.ts";
import { realisticDocument } from "../documents.ts";

export type { MockMode };

export interface MockServerOptions {
  /**
   * Another description to serve than the one the mock ships (generated/openapi.json), for a test
   * of the mock itself; the realistic overlay is applied to it.
   */
  document?: object;
  /** `realistic` (default): the reference provider answers. `static`: the description's examples. */
  mode?: MockMode;
  /** Static mode: generated data for every response, as if each request said `Prefer: dynamic=true`. */
  dynamic?: boolean;
  provider?: Partial<ProviderOptions>;
  /** The libraries to start with (a state document, see core/state.ts); refused with a StateError when it is not one. */
  state?: unknown;
  /** Called with one line per request; leave it out for a quiet mock. */
  log?: (line: string) => void;
  /** The largest request body read (and refused) before the connection is closed. */
  maxBodyBytes?: number;
  /**
   * Load Prism's mocker only when a request first needs it (`ready` resolves at once), rather than
   * ahead: for a test set-up that never sends Prefer. The command always loads it ahead.
   */
  lazyPrism?: boolean;
}

export interface MockServer {
  /**
   * Resolves with a URL a client on this machine can use, such as http://127.0.0.1:4010: on an
   * address of every interface (0.0.0.0, ::), the loopback one of its family.
   */
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

export async function createMockServer(options: MockServerOptions): Promise<MockServer> {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  // Generated and checked against the realistic shapes, which every answer of the published description also has.
  // Another description's are made now (openapi-format, loaded only then); the shipped one's were made by npm run generate.
  const document = options.document ? await (await import("./realistic.ts")).realisticDocument(options.document) : realisticDocument;
  const log = options.log;
  const handler = createHandler({
    document,
    mocker: { mock: (...args) => prism.mock(...args) },
    // The build's validators are of the description it ships, not of another one, which Ajv
    // compiles: loaded only then, so that the command's start never loads Ajv's compiler.
    compile:
      options.document || !precompiledValidators
        ? (await import("../core/compile.ts")).ajvCompiler(document)
        : precompiledCompiler(precompiledValidators),
    ...(options.mode ? { mode: options.mode } : {}),
    ...(options.dynamic ? { dynamic: true } : {}),
    provider: { ...options.provider, ...(log ? { log } : {}) },
    ...(log ? { log } : {}),
  });
  if (options.state !== undefined) {
    if (!handler.provider) throw new Error("The static mode keeps no libraries: a state is for the realistic mode.");
    handler.provider.importState(options.state);
  }
  // Started once the state is known good: a mock that cannot start leaves no worker behind.
  const prism = createPrismMocker(document, { lazy: options.lazyPrism === true });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = request.method ?? "GET";
    let target: MockRequest | undefined;
    let answered: { result: MockResponse; operationId: string | undefined };
    try {
      target = requestOf(request);
      answered = await handler.handle(target, (operationId) => refuseBody(request, maxBodyBytes, operationId));
    } catch (error) {
      answered = { result: refusal(error), operationId: undefined };
    }
    send(request, response, answered.result);
    const path = target?.pathname ?? (request.url ?? "").split("?")[0] ?? "";
    log?.(`${method} ${path.slice(0, 120)} ${answered.result.status}${errorCode(answered.result)} ${answered.operationId ?? "-"} ${(performance.now() - started).toFixed(1)} ms`);
  }

  // Node.js answers an HTTP/1.1 request without Host with a bare 400 unless told not to: the mock
  // refuses it itself, in the envelope (requestOf).
  const server = createServer({ requireHostHeader: false }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      // Only a failure to write can land here: the connection is gone or going.
      log?.(`  could not answer ${request.method} ${request.url?.slice(0, 120)}: ${String(error)}`);
      response.destroy();
    });
  });
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => answerClientError(error, socket));
  // An Expect other than 100-continue: Node.js would answer a bare 417.
  server.on("checkExpectation", (request: IncomingMessage, response: ServerResponse) => {
    send(request, response, envelope(417, "EXPECTATION_FAILED", `The mock meets no expectation but 100-continue, not Expect: ${String(request.headers.expect).slice(0, 60)}.`, { connection: "close" }));
  });
  // CONNECT asks for a tunnel, which no API path is: Node.js would close the connection without a word.
  server.on("connect", (request: IncomingMessage, socket: Socket) => {
    writeRaw(socket, envelope(405, "METHOD_NOT_ALLOWED", "CONNECT is not a method of this API: it has GET, HEAD, PUT and DELETE on its paths."));
  });

  return {
    server,
    provider: handler.provider,
    ready: prism.ready,
    listen: (port, host) => listenOn(server, port, host),
    close: async () => {
      await Promise.all([closeServer(server), prism.close()]);
    },
  };
}

/**
 * The request as the handler reads it. HTTP/1.1 requires exactly one Host (RFC 9112, section 3.2):
 * none, or two, is refused. A target in absolute form (`GET http://host/albums/X`, which a client
 * talking to a proxy sends) names its path like any other.
 */
function requestOf(request: IncomingMessage): MockRequest {
  const hosts = request.rawHeaders.filter((_, index) => index % 2 === 0 && request.rawHeaders[index]?.toLowerCase() === "host").length;
  if (request.httpVersion === "1.1" && hosts === 0) throw badRequest("The request has no Host header, which HTTP/1.1 requires.");
  if (hosts > 1) throw badRequest(`The request has ${hosts} Host headers; HTTP allows one.`);
  const raw = request.url ?? "/";
  const absolute = raw.startsWith("http://") || raw.startsWith("https://");
  let pathname: string;
  let search: string;
  if (absolute) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw badRequest("The request target is not a URL the mock can read.");
    }
    pathname = url.pathname;
    search = url.search;
  } else {
    const question = raw.indexOf("?");
    pathname = question === -1 ? raw : raw.slice(0, question);
    search = question === -1 ? "" : raw.slice(question);
  }
  return { method: request.method ?? "GET", pathname, searchParams: new URLSearchParams(search), headers: request.headers };
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

function send(request: IncomingMessage, response: ServerResponse, result: MockResponse): void {
  const body = result.body === undefined ? "" : JSON.stringify(result.body);
  // A HEAD answer carries the headers of the GET answer, Content-Length included; Node.js sends no body with it.
  response.writeHead(result.status, { ...responseHeaders(result, request.headers.origin), "content-length": Buffer.byteLength(body) });
  response.end(body);
}

/** An answer written on a socket that node:http no longer handles (a CONNECT's, a parser's refusal), then closed. */
function writeRaw(socket: Socket, result: MockResponse): void {
  const body = JSON.stringify(result.body);
  const reason = ({ 400: "Bad Request", 405: "Method Not Allowed" } as Record<number, string>)[result.status] ?? "Error";
  socket.end(
    `HTTP/1.1 ${result.status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `${Object.entries(result.headers).map(([name, value]) => `${name}: ${value}\r\n`).join("")}connection: close\r\n\r\n${body}`,
  );
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
  writeRaw(socket, envelope(400, "BAD_REQUEST", message));
}
