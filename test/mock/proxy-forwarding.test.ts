// The validating proxy (mock/node/proxy.ts) in this process, in detail, against local upstreams
// that record what reaches them: what it forwards (method, path under the upstream's own, query,
// body, headers but those of one connection), what it passes back (status line, headers but those
// of one connection), how it reads an answer to check it (compressed, of every JSON type, empty,
// too large to check), what it finds in a request, what it logs, and how it fails when the
// upstream does (502 and 504 in the envelope, a stall mid-body cut). The drift log on its own:
// drift.test.ts; the drifting upstream's findings in the report: proxy.test.ts.
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from "node:http";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createProxyServer, type ProxyOptions, type ProxyServer } from "../../mock/node/proxy.ts";
import { mockStartBudgetMs } from "../support/budgets.ts";
import { accessToken, album, apiKey, upstream, type UpstreamAnswer } from "./support/proxy-upstreams.ts";

const credentials = { "x-api-key": apiKey, authorization: `Bearer ${accessToken}` };
/** An album that keeps to the description and to the realistic shapes: no finding, no note. */
const validAlbum = JSON.stringify({ data: { album: { ...album, title: "Discovery", duration: 3660, audioQualities: ["SD"] } } });
const hasIpv6Loopback = Object.values(networkInterfaces()).some((addresses) => addresses?.some((address) => address.address === "::1"));

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request through node:http, which sends any header as given: the answer's status line, raw headers and body. */
function send(url: string, options: { method?: string; headers?: Record<string, string | string[]>; body?: string; chunked?: boolean } = {}): Promise<{ response: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: options.method ?? "GET", headers: options.headers ?? {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ response, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    outgoing.on("error", reject);
    // In two writes, the body goes in chunks, without a length.
    if (options.chunked && options.body) {
      outgoing.write(options.body.slice(0, 5));
      outgoing.end(options.body.slice(5));
    } else outgoing.end(options.body);
  });
}

describe("the proxy, forwarding and checking", { timeout: mockStartBudgetMs }, () => {
  const proxies: ProxyServer[] = [];
  const servers: Server[] = [];
  afterEach(async () => {
    for (const proxy of proxies.splice(0)) await proxy.close();
    for (const server of servers.splice(0)) server.close();
  });

  /** A proxy in front of an upstream that answers what `route` says, once it has read the request, and records each request it gets. */
  async function through(route: (path: string, request: IncomingMessage) => UpstreamAnswer, options: Partial<ProxyOptions> & { upstreamPath?: string } = {}) {
    const seen: Seen[] = [];
    const { url: upstreamUrl, server } = await upstream(() => "stall");
    server.on("request", (request: IncomingMessage, response: ServerResponse) => {
      let body = "";
      request.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      request.on("end", () => {
        seen.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body });
        const answer = route(request.url ?? "/", request);
        if (answer === "stall") return;
        response.writeHead(answer.status, { ...(answer.type ? { "content-type": answer.type } : {}), ...answer.headers });
        response.end(answer.body);
      });
    });
    servers.push(server);
    const lines: string[] = [];
    const { upstreamPath, ...rest } = options;
    const base = upstreamPath === undefined ? upstreamUrl : `${new URL(upstreamUrl).origin}${upstreamPath}`;
    const proxy = await createProxyServer({ upstream: base, log: (line) => lines.push(line), ...rest });
    proxies.push(proxy);
    return { url: await proxy.listen(0), proxy, lines, seen, upstreamUrl };
  }
  const albumAnswer = (): UpstreamAnswer => ({ status: 200, type: "application/json", body: validAlbum });
  const findingsOf = (proxy: ProxyServer) => proxy.findings().map(({ kind, operation, status, where, pointer, expected, seen, source }) => ({ kind, operation, status, where, pointer, expected, seen, source }));

  it("forwards the method, the path under the upstream's own path, the query and the body, with its length", async () => {
    const { url, seen } = await through(() => ({ status: 200, type: "application/json", body: "{}" }), { upstreamPath: "/v1/" });
    await send(`${url}/me/library/albums/B0064UPU4G?market=US&x=%20y`, { method: "PUT", headers: credentials, body: "a body of 18 bytes", chunked: true });
    await send(`${url}/albums/B0064UPU4G`, { headers: credentials });
    // A method that has no body by default still forwards the one it is given.
    await send(`${url}/me/library/albums/B0064UPU4G`, { method: "DELETE", headers: { ...credentials, "transfer-encoding": "chunked" }, body: "unusual, yet forwarded", chunked: true });
    expect(seen.map(({ method, url: path, body }) => ({ method, path, body }))).toEqual([
      { method: "PUT", path: "/v1/me/library/albums/B0064UPU4G?market=US&x=%20y", body: "a body of 18 bytes" },
      { method: "GET", path: "/v1/albums/B0064UPU4G", body: "" },
      { method: "DELETE", path: "/v1/me/library/albums/B0064UPU4G", body: "unusual, yet forwarded" },
    ]);
    expect(seen[2]?.headers["content-length"]).toBe("22");
    // The body sent in chunks goes on in one piece, with its length; a request without one gets none.
    expect(seen[0]?.headers["content-length"]).toBe("18");
    expect(seen[0]?.headers["transfer-encoding"]).toBeUndefined();
    expect(seen[1]?.headers).not.toHaveProperty("content-length");
    expect(seen[1]?.headers).not.toHaveProperty("transfer-encoding");
  });

  it("forwards to an upstream at the root of its host", async () => {
    for (const upstreamPath of ["", "/"]) {
      const { url, seen } = await through(albumAnswer, { upstreamPath });
      await send(`${url}/albums/B0064UPU4G?market=US`, { headers: credentials });
      expect(seen.map(({ url: path }) => path)).toEqual(["/albums/B0064UPU4G?market=US"]);
    }
  });

  it("forwards every header of the request but those of its connection; the upstream is told its own host", async () => {
    const { url, seen, upstreamUrl } = await through(albumAnswer);
    // A body in chunks, which a Trailer header may announce.
    await send(`${url}/me/library/albums/B0064UPU4G`, {
      method: "PUT",
      body: "a body in chunks",
      chunked: true,
      headers: {
        ...credentials,
        "X-Trace-Id": "trace-1",
        "Accept-Encoding": "gzip, br",
        Cookie: "session=1",
        Connection: "keep-alive",
        "Keep-Alive": "timeout=9",
        "Proxy-Connection": "keep-alive",
        "Proxy-Authorization": "Basic cHJveHk6c2VjcmV0",
        "Proxy-Authenticate": "Basic",
        TE: "trailers",
        Trailer: "X-Checksum",
        Upgrade: "h2c",
      },
    });
    const headers = seen[0]?.headers ?? {};
    expect(headers).toMatchObject({ "x-api-key": apiKey, authorization: `Bearer ${accessToken}`, "x-trace-id": "trace-1", "accept-encoding": "gzip, br", cookie: "session=1", host: new URL(upstreamUrl).host });
    for (const name of ["keep-alive", "proxy-connection", "proxy-authorization", "proxy-authenticate", "te", "trailer", "upgrade"]) expect(headers).not.toHaveProperty(name);
  });

  it("passes the answer's status line and headers back as the upstream wrote them, but those of its connection", async () => {
    const { url: upstreamUrl, server } = await upstream(() => "stall");
    servers.push(server);
    server.removeAllListeners("request");
    server.on("request", (_request, response: ServerResponse) => {
      response.writeHead(200, "Fine By Upstream", [
        ["Content-Type", "application/json"],
        ["X-Request-Id", "req-7"],
        ["Set-Cookie", "a=1"],
        ["Set-Cookie", "b=2"],
        ["Keep-Alive", "timeout=77"],
        ["Proxy-Authenticate", "Basic"],
        ["Trailer", "X-Checksum"],
        ["Upgrade", "h2c"],
      ].flat());
      response.end(validAlbum);
    });
    const proxy = await createProxyServer({ upstream: upstreamUrl });
    proxies.push(proxy);
    const { response, body } = await send(`${await proxy.listen(0)}/albums/B0064UPU4G`, { headers: credentials });
    expect(response.statusCode).toBe(200);
    expect(response.statusMessage).toBe("Fine By Upstream");
    const raw = response.rawHeaders;
    const pairs = raw.flatMap((name, index) => (index % 2 === 0 ? [`${name}: ${raw[index + 1]}`] : []));
    expect(pairs).toEqual(expect.arrayContaining(["Content-Type: application/json", "X-Request-Id: req-7", "Set-Cookie: a=1", "Set-Cookie: b=2"]));
    for (const pair of pairs) expect(pair).not.toMatch(/^(?:proxy-authenticate|trailer|upgrade): |timeout=77/i);
    expect(body.toString("utf8")).toBe(validAlbum);
    expect(proxy.findings()).toEqual([]);
  });

  it("reads an answer compressed in any of the encodings HTTP names, to check it; one it cannot read does not parse", async () => {
    const encodings: Record<string, (body: string) => Buffer> = {
      gzip: (body) => gzipSync(body),
      "X-GZIP": (body) => gzipSync(body),
      deflate: (body) => deflateSync(body),
      br: (body) => brotliCompressSync(body),
      identity: (body) => Buffer.from(body),
    };
    for (const [encoding, compress] of Object.entries(encodings)) {
      const { url, proxy } = await through(() => ({ status: 200, type: "application/json", body: compress(validAlbum), headers: { "content-encoding": encoding } }));
      const { body } = await send(`${url}/albums/B0064UPU4G`, { headers: credentials });
      expect(body).toEqual(compress(validAlbum));
      expect(findingsOf(proxy), encoding).toEqual([]);
    }
    const { url, proxy } = await through(() => ({ status: 200, type: "application/json", body: gzipSync(validAlbum), headers: { "content-encoding": "compress" } }));
    await send(`${url}/albums/B0064UPU4G`, { headers: credentials });
    expect(findingsOf(proxy)).toEqual([
      { kind: "response", operation: "getAlbum", status: 200, where: "body", pointer: "", expected: "is JSON (application/json), not application/json that does not parse", seen: undefined, source: "openapi/components/schemas/AlbumResponse.yaml" },
    ]);
  });

  it("takes every JSON media type for JSON, and finds any other type, or none", async () => {
    let type: string | undefined;
    const { url, proxy } = await through(() => ({ status: 200, ...(type === undefined ? {} : { type }), body: validAlbum }));
    for (type of ["application/json", "application/json; charset=utf-8", "Application/JSON", "application/vnd.amazon.music-v1+json", "application/problem+json"]) {
      await send(`${url}/albums/B0064UPU4G`, { headers: credentials });
      expect(findingsOf(proxy), type).toEqual([]);
    }
    const notJson = ["text/plain", "application/jsonp", "text/application/json", `application/${"x".repeat(70)}`, undefined];
    for (type of notJson) await send(`${url}/albums/B0064UPU4G`, { headers: credentials });
    expect(findingsOf(proxy).map(({ expected }) => expected)).toEqual([
      "is JSON (application/json), not text/plain",
      "is JSON (application/json), not application/jsonp",
      "is JSON (application/json), not text/application/json",
      `is JSON (application/json), not application/${"x".repeat(48)}`,
      "is JSON (application/json), not an answer without a content type",
    ]);
  });

  it("finds an empty answer where the description has a body, as a body that is missing, not as one that does not parse", async () => {
    const { url, proxy } = await through(() => ({ status: 200, type: "application/json", body: "" }));
    await send(`${url}/albums/B0064UPU4G`, { headers: credentials });
    expect(findingsOf(proxy)).toEqual([{ kind: "response", operation: "getAlbum", status: 200, where: "body", pointer: "", expected: "must be object", seen: undefined, source: "openapi/components/schemas/AlbumResponse.yaml" }]);
  });

  it("an answer that is not JSON: that alone, not every property its body lacks", async () => {
    const { url, proxy } = await through(() => ({ status: 502, type: "text/html", body: "<html>Bad gateway</html>" }));
    await send(`${url}/albums/B0064UPU4G`, { headers: credentials });
    expect(findingsOf(proxy)).toEqual([
      { kind: "response", operation: "getAlbum", status: 502, where: "body", pointer: "", expected: "is JSON (application/json), not text/html that does not parse", seen: undefined, source: "openapi/components/schemas/ErrorResponse.yaml" },
    ]);
  });

  it("checks an answer up to the limit, and passes a larger one on whole, unchecked, with a note", async () => {
    const size = Buffer.byteLength(validAlbum);
    for (const maxCheckedBytes of [size, size + 1]) {
      const { url, proxy } = await through(albumAnswer, { maxCheckedBytes });
      await send(`${url}/albums/B0064UPU4G`, { headers: credentials });
      expect(findingsOf(proxy), String(maxCheckedBytes)).toEqual([]);
    }
    // In pieces, each under the limit, together over it: a body that would not parse if checked.
    const { url: upstreamUrl, server } = await upstream(() => "stall");
    servers.push(server);
    server.on("request", (_request, response: ServerResponse) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write("x".repeat(40));
      response.write("y".repeat(40));
      response.end("z".repeat(40));
    });
    const pieces = `${"x".repeat(40)}${"y".repeat(40)}${"z".repeat(40)}`;
    for (const maxCheckedBytes of [50, 119, 120]) {
      const lines: string[] = [];
      const proxy = await createProxyServer({ upstream: upstreamUrl, maxCheckedBytes, log: (line) => lines.push(line) });
      proxies.push(proxy);
      const { body } = await send(`${await proxy.listen(0)}/albums/B0064UPU4G`, { headers: credentials });
      expect(body.toString("utf8")).toBe(pieces);
      const unchecked = `is larger than the ${maxCheckedBytes} bytes the proxy checks: passed on unchecked`;
      // At the limit, it is checked (and does not parse).
      const expected = maxCheckedBytes < pieces.length ? unchecked : "is JSON (application/json), not application/json that does not parse";
      expect(findingsOf(proxy)).toEqual([{ kind: maxCheckedBytes < pieces.length ? "note" : "response", operation: "getAlbum", status: 200, where: "body", pointer: "", expected, seen: undefined, source: "openapi/components/schemas/AlbumResponse.yaml" }]);
      expect(lines).toEqual([`${maxCheckedBytes < pieces.length ? "note" : "drift (response)"}: getAlbum GET /albums/{id} 200 /: ${expected}`]);
    }
  });

  it("notes a header of a valid answer that departs from the realistic shapes, by its shape", async () => {
    let retryAfter = "Wed, 21 Oct 2026 07:28:00 GMT";
    const { url, proxy } = await through(() => ({
      status: 429,
      type: "application/json",
      headers: { "retry-after": retryAfter },
      body: JSON.stringify({ error: { status: "429", code: "THROTTLED", message: "Slow down." } }),
    }));
    await send(`${url}/albums/B0064UPU4G`, { headers: credentials });
    retryAfter = "2";
    await send(`${url}/albums/B0064UPU4G`, { headers: credentials });
    expect(findingsOf(proxy)).toEqual([
      { kind: "note", operation: "getAlbum", status: 429, where: "header", pointer: "retry-after", expected: 'must match pattern "^[0-9]+$"', seen: "Aaa, 99 Aaa 9999 99:99:99 AAA", source: "openapi/components/headers/RetryAfter.yaml" },
    ]);
  });

  it("checks a HEAD request as the GET it stands for, and its answer not at all", async () => {
    const { url, proxy, seen } = await through(() => ({ status: 200, type: "text/plain", body: "" }));
    const { response } = await send(`${url}/albums/B0064UPU4G`, { method: "HEAD", headers: credentials });
    expect(response.statusCode).toBe(200);
    expect(seen.map(({ method }) => method)).toEqual(["HEAD"]);
    expect(proxy.findings()).toEqual([]);
  });

  it("finds a request for a path the description does not have, forwards it, and leaves its answer unchecked", async () => {
    const { url, proxy, seen, lines } = await through(() => ({ status: 200, type: "text/html", body: "<html>" }));
    const long = `/artists/${"x".repeat(200)}`;
    const { response } = await send(`${url}/artists/B0064UPU4G?cursor=abc`, { headers: credentials });
    expect(response.statusCode).toBe(200);
    await send(`${url}${long}`, { headers: credentials });
    expect(seen.map(({ url: path }) => path)).toEqual(["/v1/artists/B0064UPU4G?cursor=abc", `/v1${long}`]);
    const findings = proxy.findings();
    expect(findings.map(({ kind, operation, method, path, status, where, pointer, source }) => ({ kind, operation, method, path, status, where, pointer, source }))).toEqual([
      { kind: "request", operation: "-", method: "GET", path: "/artists/B0064UPU4G", status: undefined, where: "request", pointer: "", source: "openapi/openapi.yaml" },
      { kind: "request", operation: "-", method: "GET", path: long.slice(0, 100), status: undefined, where: "request", pointer: "", source: "openapi/openapi.yaml" },
    ]);
    expect(findings[0]?.expected).toMatch(/\S/);
    expect(lines[0]).toBe(`drift (request): - GET /artists/B0064UPU4G /: ${findings[0]?.expected}`);
  });

  it("finds what a request gets wrong: its credentials, a parameter given twice (the last one checked), a value the description refuses", async () => {
    const { url, proxy } = await through((path) => (path.startsWith("/v1/me/") ? { status: 200, type: "application/json", body: "{}" } : albumAnswer()));
    const library = `${url}/me/library/albums`;
    await send(`${library}?limit=abc&limit=5`, { headers: credentials });
    await send(`${library}?limit=5&limit=abc`, { headers: credentials });
    await send(`${library}?limit=0&unknown=1&unknown=2`, { headers: credentials });
    await send(`${url}/albums/B0064UPU4G`, { headers: { "x-api-key": apiKey } });
    // Whether a token has expired is the API's to say: the proxy cannot know.
    await send(`${url}/albums/B0064UPU4G`, { headers: { "x-api-key": apiKey, authorization: "Bearer expired-token" } });
    const requests = proxy.findings().filter(({ kind }) => kind === "request");
    expect(requests.map(({ operation, path, status, pointer, expected, seen, count, source }) => ({ operation, path, status, pointer, expected, seen, count, source }))).toEqual([
      { operation: "getLibraryAlbums", path: "/me/library/albums", status: undefined, pointer: "/query/limit", expected: "given 2 times; the description sends it once", seen: undefined, count: 2, source: "openapi/components/parameters/Limit.yaml" },
      { operation: "getLibraryAlbums", path: "/me/library/albums", status: undefined, pointer: "/query/limit", expected: "must be integer", seen: "aaa", count: 1, source: "openapi/components/parameters/Limit.yaml" },
      { operation: "getLibraryAlbums", path: "/me/library/albums", status: undefined, pointer: "/query/limit", expected: "must be >= 1", seen: "number", count: 1, source: "openapi/components/parameters/Limit.yaml" },
      { operation: "getAlbum", path: "/albums/{id}", status: undefined, pointer: "/headers", expected: "The request has no bearer token: send Authorization: Bearer <access token>.", seen: undefined, count: 1, source: "openapi/paths/albums_{id}.yaml" },
    ]);
  });

  it("forwards a request without a Host header, and one for the server as a whole (OPTIONS *) to the upstream's path", async () => {
    const { url, seen, proxy } = await through(() => ({ status: 204, body: "" }));
    const { port } = new URL(url);
    const statusLines = [];
    for (const head of [`GET /albums/B0064UPU4G HTTP/1.1\r\nx-api-key: ${apiKey}\r\nauthorization: Bearer ${accessToken}`, "OPTIONS * HTTP/1.1\r\nHost: localhost"]) {
      const socket = connect(Number(port), "127.0.0.1");
      // Written, not ended: the server closes the connection once it has answered.
      socket.write(`${head}\r\nConnection: close\r\n\r\n`);
      let answer = "";
      for await (const chunk of socket.setEncoding("utf8")) answer += chunk as string;
      statusLines.push(answer.split("\r\n")[0]);
    }
    expect(statusLines).toEqual(["HTTP/1.1 204 No Content", "HTTP/1.1 204 No Content"]);
    expect(seen.map(({ method, url: path }) => `${method} ${path}`)).toEqual(["GET /v1/albums/B0064UPU4G", "OPTIONS /v1/*"]);
    expect(proxy.findings().filter(({ kind }) => kind === "request").map(({ operation, path }) => `${operation} ${path}`)).toEqual(["- *"]);
  });

  it("logs each request when asked to, by its path without the query; a path of any length in 120 characters", async () => {
    const quiet = await through(albumAnswer);
    await send(`${quiet.url}/albums/B0064UPU4G`, { headers: credentials });
    expect(quiet.lines).toEqual([]);

    const { url, lines } = await through((path) => (path.startsWith("/v1/albums/") ? albumAnswer() : { status: 404, type: "application/json", body: "{}" }), { logRequests: true });
    const before = performance.now();
    await send(`${url}/albums/B0064UPU4G?cursor=SECRET-CURSOR`, { headers: credentials });
    const took = performance.now() - before;
    await send(`${url}/${"p".repeat(150)}`, { headers: credentials });
    expect(lines[0]).toMatch(/^GET \/albums\/B0064UPU4G 200 getAlbum \d+\.\d ms$/);
    // The time logged is the request's own: within what the client saw.
    expect(Number(/ ([\d.]+) ms$/.exec(lines[0] ?? "")?.[1])).toBeLessThanOrEqual(took + 0.05);
    expect(lines.at(-1)).toMatch(new RegExp(`^GET /${"p".repeat(119)} 404 - \\d+\\.\\d ms$`));
    expect(lines.join("\n")).not.toContain("SECRET");
  });

  it("asked to log requests but given no log, still checks every answer", async () => {
    const { url: upstreamUrl, server } = await upstream(() => ({ status: 200, type: "text/plain", body: validAlbum }));
    servers.push(server);
    const proxy = await createProxyServer({ upstream: upstreamUrl, logRequests: true });
    proxies.push(proxy);
    const { response } = await send(`${await proxy.listen(0)}/albums/B0064UPU4G`, { headers: credentials });
    expect(response.statusCode).toBe(200);
    expect(proxy.findings().map(({ expected }) => expected)).toEqual(["is JSON (application/json), not text/plain"]);
  });

  it("answers 502 to each request of a connection the client keeps open, with no log", async () => {
    const { url: deadUrl, server: dead } = await upstream(albumAnswer);
    await new Promise((resolve) => dead.close(resolve));
    const proxy = await createProxyServer({ upstream: deadUrl });
    proxies.push(proxy);
    const socket = connect(Number(new URL(await proxy.listen(0)).port), "127.0.0.1");
    socket.setEncoding("utf8");
    let received = "";
    socket.on("data", (chunk: string) => (received += chunk));
    const closed = new Promise((resolve) => socket.on("close", resolve));
    const statuses: string[] = [];
    for (let i = 0; i < 2; i++) {
      received = "";
      socket.write(`GET /albums/B0064UPU4G HTTP/1.1\r\nHost: localhost\r\nx-api-key: ${apiKey}\r\nauthorization: Bearer ${accessToken}\r\n\r\n`);
      // Until the whole answer is in (its length is given), or the connection is gone.
      await new Promise<void>((resolve) => {
        const done = () => {
          const [head, body = ""] = received.split("\r\n\r\n");
          const length = Number(/content-length: (\d+)/i.exec(head ?? "")?.[1] ?? Number.NaN);
          if (body.length >= length) resolve();
        };
        socket.on("data", done);
        void closed.then(() => resolve());
        done();
      });
      statuses.push(received.split("\r\n")[0] ?? "");
    }
    socket.destroy();
    expect(statuses).toEqual(["HTTP/1.1 502 Bad Gateway", "HTTP/1.1 502 Bad Gateway"]);
  });

  it("answers 502 in the envelope when the upstream is not there, with the headers a browser needs, and logs it", async () => {
    const { url: deadUrl, server: dead } = await upstream(albumAnswer);
    await new Promise((resolve) => dead.close(resolve));
    const lines: string[] = [];
    const proxy = await createProxyServer({ upstream: deadUrl, log: (line) => lines.push(line) });
    proxies.push(proxy);
    const url = await proxy.listen(0);
    const { response, body } = await send(`${url}/albums/B0064UPU4G?cursor=x`, { headers: { ...credentials, origin: "https://app.example" } });
    expect(response.statusCode).toBe(502);
    expect(response.headers).toMatchObject({ "content-type": "application/json", "content-length": String(body.length), "access-control-allow-origin": "https://app.example" });
    expect(JSON.parse(body.toString("utf8"))).toEqual({ error: { status: "502", code: "UPSTREAM_UNREACHABLE", message: `The proxy could not reach the upstream ${new URL(deadUrl).origin}: ECONNREFUSED.` } });
    const before = performance.now();
    const other = await send(`${url}/${"p".repeat(150)}`, { method: "POST", headers: credentials, body: "x" });
    const took = performance.now() - before;
    expect(other.response.statusCode).toBe(502);
    expect(other.response.headers["access-control-allow-origin"]).toBe("*");
    expect(lines.filter((line) => !line.startsWith("drift"))).toEqual([
      expect.stringMatching(/^GET \/albums\/B0064UPU4G 502 UPSTREAM_UNREACHABLE getAlbum \d+\.\d ms$/),
      expect.stringMatching(new RegExp(`^POST /${"p".repeat(119)} 502 UPSTREAM_UNREACHABLE - \\d+\\.\\d ms$`)),
    ]);
    // The time logged is the request's own: within what the client saw.
    expect(Number(/ ([\d.]+) ms$/.exec(lines.at(-1) ?? "")?.[1])).toBeLessThanOrEqual(took + 0.05);
  });

  it("speaks TLS to an https upstream: one that answers in plain HTTP there is a 502 that says so", async () => {
    const { url: upstreamUrl, server } = await upstream(albumAnswer);
    servers.push(server);
    const proxy = await createProxyServer({ upstream: upstreamUrl.replace(/^http:/, "https:") });
    proxies.push(proxy);
    const { response, body } = await send(`${await proxy.listen(0)}/albums/B0064UPU4G`, { headers: credentials });
    expect(response.statusCode).toBe(502);
    expect(JSON.parse(body.toString("utf8"))).toMatchObject({ error: { code: "UPSTREAM_UNREACHABLE", message: `The proxy could not reach the upstream ${new URL(upstreamUrl).origin.replace(/^http:/, "https:")}: EPROTO.` } });
  });

  it("cuts an answer that stalls mid-body at the time limit: the client's answer ends broken, and the proxy says why", async () => {
    const { url: upstreamUrl, server } = await upstream(() => "stall");
    servers.push(server);
    server.on("request", (_request, response: ServerResponse) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"data":');
    });
    // Long enough that the answer's head, which comes at once, is never late even on a busy machine: it is the body that stalls.
    const stallMs = 1000;
    const lines: string[] = [];
    const proxy = await createProxyServer({ upstream: upstreamUrl, timeoutMs: stallMs, log: (line) => lines.push(line) });
    proxies.push(proxy);
    await expect(send(`${await proxy.listen(0)}/albums/B0064UPU4G`, { headers: credentials })).rejects.toThrow(/aborted|hang up|terminated|ECONNRESET/);
    expect(lines).toEqual([expect.stringMatching(/^ {2}could not answer GET: Error/)]);
    expect(proxy.findings()).toEqual([]);
    // Without a log, the same.
    const unlogged = await createProxyServer({ upstream: upstreamUrl, timeoutMs: stallMs });
    proxies.push(unlogged);
    await expect(send(`${await unlogged.listen(0)}/albums/B0064UPU4G`, { headers: credentials })).rejects.toThrow(/aborted|hang up|terminated|ECONNRESET/);
  });

  it("refuses an upstream that is not http or https", async () => {
    await expect(createProxyServer({ upstream: "ftp://music.example/v1" })).rejects.toThrow("--proxy needs an http or https URL, not ftp://music.example/v1.");
  });

  it("listens on loopback by default, and gives a URL a client can use when listening on every address", async () => {
    const hosts: Array<[string | undefined, RegExp]> = [
      [undefined, /^http:\/\/127\.0\.0\.1:\d+$/],
      ["0.0.0.0", /^http:\/\/127\.0\.0\.1:\d+$/],
      ["127.0.0.1", /^http:\/\/127\.0\.0\.1:\d+$/],
      ...(hasIpv6Loopback ? ([["::", /^http:\/\/\[::1\]:\d+$/], ["::1", /^http:\/\/\[::1\]:\d+$/]] as Array<[string, RegExp]>) : []),
    ];
    for (const [host, expected] of hosts) {
      const { url: upstreamUrl, server } = await upstream(albumAnswer);
      servers.push(server);
      const proxy = await createProxyServer({ upstream: upstreamUrl });
      proxies.push(proxy);
      const url = host === undefined ? await proxy.listen(0) : await proxy.listen(0, host);
      expect(url).toMatch(expected);
      const { response } = await send(`${url}/albums/B0064UPU4G`, { headers: credentials });
      expect(response.statusCode).toBe(200);
    }
  });
});
