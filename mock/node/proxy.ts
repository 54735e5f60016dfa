// A validating proxy in front of the real API (`--proxy <upstream>`): every request goes to the
// upstream unchanged, credentials included, and its answer comes back unchanged, byte for byte;
// meanwhile both are checked against the published description. Each way a request or an answer
// breaks it is a finding (logged as one line, and kept in the drift report, drift.ts); each way an
// answer that keeps to it departs from the realistic shapes the mock keeps to (a new value of an
// open set, an ID of a new form) is a note: what the description's text should learn next. The
// checks run after the answer has gone: they add nothing to its time.
import { request as httpRequest, createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { request as httpsRequest } from "node:https";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { checkCredentials } from "../core/credentials.ts";
import { MockError, envelope, type MockResponse } from "../core/envelope.ts";
import { responseHeaders } from "../core/handler.ts";
import { ajvValidation } from "../core/compile.ts";
import { createRouter } from "../core/routes.ts";
import type { Problem } from "../core/validation.ts";
import { publishedDocument, realisticDocument } from "../documents.ts";
import { createDriftLog, type Finding, type DriftLog } from "./drift.ts";
import { closeServer, listenOn } from "./listen.ts";

export interface ProxyOptions {
  /** The API's base URL, such as https://api.music.amazon.dev/v1. */
  upstream: string;
  /** Where to keep the drift report (JSON lines); none without it. */
  report?: string;
  /** How long the upstream may take to answer (default 30 s); past it, 504. */
  timeoutMs?: number;
  /** One line per finding and per note (the requests themselves too, unless quiet). */
  log?: (line: string) => void;
  /** Log a line per request too. */
  logRequests?: boolean;
  /** The most of an answer checked (default 8 MiB); a larger one is passed on unchecked, with a note. */
  maxCheckedBytes?: number;
}

export interface ProxyServer {
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** Every finding and note so far, grouped. */
  findings(): Finding[];
}

/** Headers of one connection, not of the message (RFC 9110, section 7.6.1): not passed on. */
const hopByHop = new Set(["connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host"]);

export async function createProxyServer(options: ProxyOptions): Promise<ProxyServer> {
  const upstream = new URL(options.upstream.replace(/\/$/, ""));
  if (upstream.protocol !== "https:" && upstream.protocol !== "http:") throw new Error(`--proxy needs an http or https URL, not ${options.upstream}.`);
  // The upstream's path, without its trailing slash: the request's path follows it.
  const upstreamPath = upstream.pathname === "/" ? "" : upstream.pathname;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxChecked = options.maxCheckedBytes ?? 8 * 1024 * 1024;
  const router = createRouter(publishedDocument as never);
  const published = ajvValidation(publishedDocument);
  const realistic = ajvValidation(realisticDocument);
  const drift: DriftLog = createDriftLog({ document: publishedDocument, ...(options.report ? { report: options.report } : {}), ...(options.log ? { log: options.log } : {}) });
  const send = upstream.protocol === "https:" ? httpsRequest : httpRequest;

  const server = createServer({ requireHostHeader: false }, (request, response) => {
    void proxy(request, response).catch((error: unknown) => {
      options.log?.(`  could not answer ${request.method}: ${String(error)}`);
      response.destroy();
    });
  });

  async function proxy(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = request.method ?? "GET";
    const target = request.url ?? "/";
    const question = target.indexOf("?");
    const pathname = question === -1 ? target : target.slice(0, question);
    const searchParams = new URLSearchParams(question === -1 ? "" : target.slice(question));
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);

    // What the request is, and how it keeps to the description: found before it goes.
    let operation: { operationId: string; template: string } | undefined;
    try {
      const route = router.find(method === "HEAD" ? "GET" : method, pathname);
      operation = { operationId: route.operationId, template: route.template };
      for (const problem of requestProblems(request.headers, route, searchParams)) drift.add({ kind: "request", ...operation, method, status: undefined, ...problem });
    } catch (error) {
      if (!(error instanceof MockError)) throw error;
      drift.add({ kind: "request", operationId: "-", template: pathname.slice(0, 100), method, status: undefined, where: "request", pointer: "", expected: error.message });
    }

    const url = `${upstream.origin}${upstreamPath}${target.startsWith("/") ? target : `/${target}`}`;
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !hopByHop.has(name))) as IncomingHttpHeaders;
    let answer: IncomingMessage;
    try {
      answer = await forward(send, url, method, headers, Buffer.concat(chunks), timeoutMs);
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError";
      const result = timedOut
        ? envelope(504, "UPSTREAM_TIMEOUT", `The upstream ${upstream.origin} did not answer within ${timeoutMs / 1000} s.`)
        : envelope(502, "UPSTREAM_UNREACHABLE", `The proxy could not reach the upstream ${upstream.origin}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
      sendEnvelope(request, response, result);
      options.log?.(`${method} ${pathname.slice(0, 120)} ${result.status} ${(result.body as { error: { code: string } }).error.code} ${operation?.operationId ?? "-"} ${(performance.now() - started).toFixed(1)} ms`);
      return;
    }

    // The answer goes back as it came, while a copy (up to the limit) is kept for the checks.
    response.writeHead(answer.statusCode ?? 502, answer.statusMessage, rawHeadersWithoutHopByHop(answer.rawHeaders));
    const copy: Buffer[] = [];
    let copied = 0;
    for await (const chunk of answer) {
      response.write(chunk as Buffer);
      if (copied <= maxChecked) copy.push(chunk as Buffer);
      copied += (chunk as Buffer).length;
    }
    response.end();
    if (options.logRequests) options.log?.(`${method} ${pathname.slice(0, 120)} ${answer.statusCode} ${operation?.operationId ?? "-"} ${(performance.now() - started).toFixed(1)} ms`);
    if (!operation || method === "HEAD") return;
    checkAnswer(operation, method, answer, copied > maxChecked ? undefined : Buffer.concat(copy));
  }

  function requestProblems(headers: IncomingHttpHeaders, route: { operationId: string; path: Record<string, string> }, searchParams: URLSearchParams): Array<Omit<Problem, "where"> & { where: Problem["where"] }> {
    const problems: Problem[] = [];
    try {
      checkCredentials(headers, { expiredTokens: false });
    } catch (error) {
      if (!(error instanceof MockError)) throw error;
      problems.push({ where: "request", pointer: "/headers", expected: error.message });
    }
    const query: Record<string, string> = {};
    for (const name of new Set(searchParams.keys())) {
      const values = searchParams.getAll(name);
      if (values.length > 1 && published.queryParameter(route.operationId, name)) problems.push({ where: "request", pointer: `/query/${name}`, expected: `given ${values.length} times; the description sends it once` });
      query[name] = values.at(-1) as string;
    }
    problems.push(...published.requestProblems(route.operationId, { path: route.path, query }));
    return problems;
  }

  function checkAnswer(operation: { operationId: string; template: string }, method: string, answer: IncomingMessage, body: Buffer | undefined): void {
    const status = answer.statusCode ?? 0;
    const at = { ...operation, method, status };
    const headers = Object.fromEntries(Object.entries(answer.headers).map(([name, value]) => [name, [value ?? ""].flat().join(", ")]));
    if (body === undefined) {
      drift.add({ kind: "note", ...at, where: "body", pointer: "", expected: `is larger than the ${maxChecked} bytes the proxy checks: passed on unchecked` });
      return;
    }
    let value: unknown;
    const type = headers["content-type"] ?? "";
    try {
      value = body.length === 0 ? undefined : JSON.parse(decoded(body, headers["content-encoding"]).toString("utf8"));
    } catch {
      // Not JSON: the status may still be described (a gateway's HTML 502 falls to the default response, whose body is the envelope).
      value = Symbol.for("not JSON");
    }
    const notJson = value === Symbol.for("not JSON");
    const problems = published.responseProblems(operation.operationId, status, headers, notJson ? undefined : value);
    if (notJson || !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type.trim())) {
      if (!problems.some((problem) => problem.where === "status")) {
        drift.add({ kind: "response", ...at, where: "body", pointer: "", expected: `is JSON (application/json), not ${type ? `${type.slice(0, 60)}` : "an answer without a content type"}${notJson && body.length > 0 ? " that does not parse" : ""}` });
      }
    }
    for (const problem of notJson ? problems.filter((p) => p.where !== "body") : problems) drift.add({ kind: "response", ...at, ...problem });
    if (notJson || problems.length > 0) return;
    // Valid: how it departs from the realistic shapes is what the description's text should learn next.
    for (const problem of realistic.responseProblems(operation.operationId, status, headers, value)) drift.add({ kind: "note", ...at, ...problem });
  }

  return {
    findings: () => drift.findings(),
    listen: (port, host) => listenOn(server, port, host),
    async close() {
      await closeServer(server);
      drift.flush();
    },
  };
}

/** The request sent on to the upstream, resolving with its answer's head (its body still to read). */
function forward(send: typeof httpRequest, url: string, method: string, headers: IncomingHttpHeaders, body: Buffer, timeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const outgoing = send(url, { method, headers: body.length > 0 ? { ...headers, "content-length": String(body.length) } : headers });
    const timer = setTimeout(() => outgoing.destroy(Object.assign(new Error("timed out"), { name: "TimeoutError" })), timeoutMs);
    outgoing.on("response", (answer) => {
      clearTimeout(timer);
      // A stall mid-body is cut at the same limit.
      answer.setTimeout(timeoutMs, () => answer.destroy());
      resolve(answer);
    });
    outgoing.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    outgoing.end(body);
  });
}

function rawHeadersWithoutHopByHop(raw: string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < raw.length; index += 2) {
    const name = raw[index] as string;
    // Node.js frames the body itself (its own Transfer-Encoding or the upstream's Content-Length).
    if (hopByHop.has(name.toLowerCase())) continue;
    kept.push(name, raw[index + 1] as string);
  }
  return kept;
}

function decoded(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return gunzipSync(body);
    case "deflate":
      return inflateSync(body);
    case "br":
      return brotliDecompressSync(body);
    default:
      return body;
  }
}

function sendEnvelope(request: IncomingMessage, response: ServerResponse, result: MockResponse): void {
  const body = JSON.stringify(result.body);
  response.writeHead(result.status, { ...responseHeaders(result, request.headers.origin), "content-length": Buffer.byteLength(body) });
  response.end(body);
}
