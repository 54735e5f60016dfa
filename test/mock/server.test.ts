// The mock's HTTP side, in the realistic mode: CORS for browser pages, one log line per request,
// request bodies refused without reading more than the limit, repeated and empty query
// parameters, and requests with several problems.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "../support/raw-http.ts";
import { startMock, type RunningMock, mockStartBudgetMs } from "../support/mock.ts";

const credentials = { "x-api-key": "amzn1.application.server", authorization: "Bearer server-user" };
const rawCredentials = "x-api-key: amzn1.application.server\r\nauthorization: Bearer server-user\r\n";
const lines: string[] = [];
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ log: (line) => lines.push(line), maxBodyBytes: 16 });
}, mockStartBudgetMs);
afterAll(() => mock.close());

const preflight = (path: string, headers: Record<string, string>) => fetch(mock.url + path, { method: "OPTIONS", headers });

describe("CORS", () => {
  it("a preflight gets 204 and what the path allows, for the page's origin", async () => {
    const response = await preflight("/albums/B0064UPU4G", { origin: "https://app.example", "access-control-request-method": "GET", "access-control-request-headers": "authorization, x-api-key, prefer" });
    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "access-control-allow-origin": "https://app.example",
      "access-control-allow-methods": "GET, HEAD",
      "access-control-allow-headers": "authorization, x-api-key, prefer",
      "access-control-max-age": "600",
      "content-length": "0",
      vary: "origin",
    });
    expect(response.headers.has("content-type")).toBe(false);
    expect(await response.text()).toBe("");
  });

  it("a preflight that names no headers is allowed the two credentials; an unknown path is allowed GET", async () => {
    const library = await preflight("/me/library/albums/B0064UPU4G", { origin: "https://app.example", "access-control-request-method": "PUT" });
    expect(library.headers.get("access-control-allow-methods")).toBe("PUT, DELETE");
    expect(library.headers.get("access-control-allow-headers")).toBe("authorization, x-api-key");
    const unknown = await preflight("/artists/B000S9ULT8", { origin: "https://app.example", "access-control-request-method": "GET" });
    expect([unknown.status, unknown.headers.get("access-control-allow-methods")]).toEqual([204, "GET"]);
  });

  it("an OPTIONS without an origin or without a requested method is no preflight: 405", async () => {
    for (const headers of [{ origin: "https://app.example" }, { "access-control-request-method": "GET" }]) {
      const response = await preflight("/albums/B0064UPU4G", headers);
      expect([response.status, response.headers.get("allow")]).toEqual([405, "GET, HEAD"]);
    }
  });

  it("a GET with a preflight's headers is answered as a GET", async () => {
    const response = await fetch(`${mock.url}/albums/B0064UPU4G`, { headers: { ...credentials, origin: "https://app.example", "access-control-request-method": "GET" } });
    expect(response.status).toBe(200);
  });

  it("every answer lets any page read it, Retry-After and Allow included", async () => {
    const response = await fetch(`${mock.url}/albums/B0064UPU4G`, { headers: credentials });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-expose-headers")).toBe("*, retry-after, allow");
    expect(response.headers.get("vary")).toBe("origin");
    const fromPage = await fetch(`${mock.url}/albums/B0064UPU4G`, { headers: { ...credentials, origin: "https://app.example" } });
    expect(fromPage.headers.get("access-control-allow-origin")).toBe("https://app.example");
  });
});

describe("the log", () => {
  const logged = async (path: string, init: RequestInit = {}) => {
    lines.length = 0;
    const before = performance.now();
    await (await fetch(mock.url + path, { headers: credentials, ...init })).arrayBuffer();
    const elapsed = performance.now() - before;
    expect(lines).toHaveLength(1);
    const [, rest = "", ms = ""] = /^(.*) (\d+\.\d) ms$/.exec(lines[0] as string) ?? [];
    // The time is the mock's own, within what the request took end to end.
    expect(Number(ms)).toBeLessThanOrEqual(elapsed + 0.05);
    return rest;
  };

  it("has a line per request: method, path, status, the error's code, the operation, the time", async () => {
    expect(await logged("/albums/B0064UPU4G?market=US")).toBe("GET /albums/B0064UPU4G 200 getAlbum");
    expect(await logged("/albums/B000000000")).toBe("GET /albums/B000000000 404 RESOURCE_NOT_FOUND getAlbum");
    expect(await logged("/artists/B000S9ULT8")).toBe("GET /artists/B000S9ULT8 404 RESOURCE_NOT_FOUND -");
    expect(await logged("/albums", { method: "OPTIONS", headers: { origin: "https://app.example", "access-control-request-method": "GET" } })).toBe("OPTIONS /albums 204 -");
  });

  it("cuts a long path at 120 characters", async () => {
    const path = `/${"x".repeat(200)}`;
    expect(await logged(path)).toBe(`GET ${path.slice(0, 120)} 404 RESOURCE_NOT_FOUND -`);
  });
});

describe("request bodies (no operation takes one)", () => {
  const put = (headers: string, body = "") => rawRequest(mock.url, `PUT /me/library/albums/B0064UPU4G HTTP/1.1\r\nhost: x\r\n${rawCredentials}${headers}connection: close\r\n\r\n${body}`);
  const chunked = (body: string) => `${body === "" ? "" : `${body.length.toString(16)}\r\n${body}\r\n`}0\r\n\r\n`;

  it("one up to the limit is read, and refused", async () => {
    const answer = await put("content-length: 16\r\n", "x".repeat(16));
    expect([answer.status, JSON.parse(answer.body).error.message]).toEqual([400, "saveLibraryAlbum takes no request body; this request has one of 16 bytes."]);
    const sent = await put("transfer-encoding: chunked\r\n", chunked("x".repeat(16)));
    expect(JSON.parse(sent.body).error.message).toBe("saveLibraryAlbum takes no request body; this request has one of 16 bytes.");
  });

  it("one over the limit is refused, and the connection closed", async () => {
    const answer = await put("transfer-encoding: chunked\r\n", chunked("x".repeat(17)));
    expect([answer.status, answer.headers.connection, JSON.parse(answer.body).error.message]).toEqual([400, "close", "saveLibraryAlbum takes no request body, and this one is over 16 bytes."]);
  });

  it("one announced over the limit is refused before it is sent", async () => {
    // The body never comes: only an answer that does not wait for it ends this request.
    const answer = await rawRequest(mock.url, `PUT /me/library/albums/B0064UPU4G HTTP/1.1\r\nhost: x\r\n${rawCredentials}content-length: 17\r\n\r\n`, false);
    expect([answer.status, answer.headers.connection, JSON.parse(answer.body).error.message]).toEqual([400, "close", "saveLibraryAlbum takes no request body, and this one is over 16 bytes."]);
  });

  it("an empty chunked body is no body", async () => {
    const answer = await put("transfer-encoding: chunked\r\n", chunked(""));
    expect(answer.status).toBe(200);
  });
});

describe("query parameters", () => {
  const refusal = async (path: string) => {
    const response = await fetch(mock.url + path, { headers: credentials });
    expect(response.status).toBe(400);
    return ((await response.json()) as { error: { message: string } }).error.message;
  };

  it("a declared one given twice is refused, saying how a list is sent", async () => {
    expect(await refusal("/albums?ids=B0064UPU4G&ids=B00D3PLC1K")).toBe("ids was given 2 times: send it once, with the values comma-separated (ids=A,B).");
    expect(await refusal("/me/library/albums?limit=1&limit=2&limit=3")).toBe("limit was given 3 times: send it once.");
  });

  it("one the operation does not declare is ignored, even repeated or empty (a path parameter's name included)", async () => {
    for (const query of ["foo=&foo=1", "id=B00D3PLC1K&id=x", "id="]) {
      const response = await fetch(`${mock.url}/albums/B0064UPU4G?${query}`, { headers: credentials });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: { album: { id: string } } }).data.album.id).toBe("B0064UPU4G");
    }
  });

  it("a number-like text is read as text where the description says text", async () => {
    expect(await refusal("/me/library/albums?cursor=12345")).toBe('The cursor "12345" is not a token this API gave.');
  });

  it("every problem of a request is named, in one message", async () => {
    const ids = Array.from({ length: 101 }, (_, i) => (i === 0 ? "lowercase0" : `B${String(i).padStart(9, "0")}`)).join(",");
    expect(await refusal(`/albums?ids=${ids}`)).toBe(
      'The request does not match the description: Request query parameter ids must NOT have more than 1099 characters; Request query parameter ids must match pattern "^[A-Z0-9]{10}(,[A-Z0-9]{10}){0,99}$" (it is "lowercase0,B000000001,B000000002,B000000003,B000000004,B0000…").',
    );
    expect(await refusal("/albums")).toBe("The request does not match the description: Request query must have required property 'ids'.");
  });
});

describe("the static mode", () => {
  let staticMock: RunningMock;
  beforeAll(async () => {
    staticMock = await startMock({ mode: "static" });
  }, mockStartBudgetMs);
  afterAll(() => staticMock.close());

  it("takes any token, one that starts with 'expired' included", async () => {
    const response = await fetch(`${staticMock.url}/albums/B0064UPU4G`, { headers: { "x-api-key": "k", authorization: "Bearer expired-1" } });
    expect(response.status).toBe(200);
  });
});

describe("Prefer: code= of a gateway's status, which only the default response describes", () => {
  it.each([502, 503, 504])("%i: the envelope, its status the answer's, with Retry-After", async (code) => {
    const response = await fetch(`${mock.url}/me/library/albums`, { headers: { ...credentials, prefer: `code=${code}` } });
    expect(response.status).toBe(code);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(await response.json()).toMatchObject({ error: { status: String(code), code: "SERVICE_UNAVAILABLE" } });
  });

  it("another status the operation does not list is refused, naming what it has", async () => {
    const response = await fetch(`${mock.url}/me/library/albums`, { headers: { ...credentials, prefer: "code=418" } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      "Prefer: code=418, but getLibraryAlbums has no 418 response (it has 200, 400, 401, 403, 429, 500, default; default answers 502, 503, 504).",
    );
  });
});
