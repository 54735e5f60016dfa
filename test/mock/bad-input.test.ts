// Bad input, as users and fuzzers send it (the cases a first tour of the mock found, and
// Schemathesis' findings), against both modes: each gets an answer in the API's envelope, with
// a status the description documents (405 with Allow for a method a path does not have), a
// message that names the problem, and the mock goes on serving.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MockMode } from "../../mock/node/server.ts";
import { startMock, type RunningMock, mockStartBudgetMs } from "../support/mock.ts";

const credentials = { "x-api-key": "amzn1.application.bad-input", authorization: "Bearer bad-input-user" };

interface Case {
  name: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Blob;
  status: number;
  code: string;
  message: RegExp;
  /** Only in one mode (the other answers it as a good request). */
  only?: MockMode;
}

const cases: Case[] = [
  { name: "a malformed percent-escape in an ID (it killed Prism's CLI)", path: "/albums/%ZZ", status: 400, code: "BAD_REQUEST", message: /^The path parameter id, "%ZZ", has a malformed percent-escape\.$/ },
  { name: "a truncated UTF-8 escape in a library ID", method: "DELETE", path: "/me/library/albums/%E0%A4%A", status: 400, code: "BAD_REQUEST", message: /malformed percent-escape/ },
  { name: "a 101-character ID (Fastify answered 414, echoing the path)", path: `/albums/${"A".repeat(101)}`, status: 400, code: "BAD_REQUEST", message: /path parameter id must NOT have more than 10 characters/ },
  { name: "a lower-case ID", path: "/albums/b0064upu4g", status: 400, code: "BAD_REQUEST", message: /path parameter id must match pattern "\^\[A-Z0-9\]\{10\}\$"/ },
  { name: "a control character in an ID", path: "/albums/B0064UPU4%00", status: 400, code: "BAD_REQUEST", message: /path parameter id must match pattern/ },
  { name: "a path the API does not have", path: "/artists/B000S9ULT8", status: 404, code: "RESOURCE_NOT_FOUND", message: /^GET "\/artists\/B000S9ULT8" is not an operation of this API\. Its paths: \/albums, / },
  { name: "a trailing slash, as Amazon's headings show", path: "/albums/B0064UPU4G/", status: 404, code: "RESOURCE_NOT_FOUND", message: /\(without the trailing slash: \/albums\/B0064UPU4G\)/ },
  { name: "POST on an album (Schemathesis: a 500 once)", method: "POST", path: "/albums/B0064UPU4G", status: 405, code: "METHOD_NOT_ALLOWED", message: /^POST is not a method of \/albums\/\{id\}: it has GET, HEAD\.$/ },
  { name: "PATCH on a library album", method: "PATCH", path: "/me/library/albums/B0064UPU4G", status: 405, code: "METHOD_NOT_ALLOWED", message: /it has PUT, DELETE\.$/ },
  { name: "OPTIONS that is not a CORS preflight", method: "OPTIONS", path: "/albums", status: 405, code: "METHOD_NOT_ALLOWED", message: /^OPTIONS is not a method of \/albums/ },
  { name: "no credentials at all", path: "/albums/B0064UPU4G", headers: {}, status: 401, code: "INVALID_AUTH_TYPE", message: /x-api-key header is missing/ },
  { name: "an API key but no bearer token", path: "/me/library/albums", headers: { "x-api-key": "k" }, status: 401, code: "INVALID_AUTH_TYPE", message: /no bearer token/ },
  { name: "another scheme that starts like Bearer", path: "/albums/B0064UPU4G", headers: { "x-api-key": "k", authorization: "BearerXYZ" }, status: 401, code: "INVALID_AUTH_TYPE", message: /no bearer token/ },
  { name: "an empty bearer token", path: "/albums/B0064UPU4G", headers: { "x-api-key": "k", authorization: "Bearer " }, status: 401, code: "INVALID_AUTH_TOKEN", message: /^The bearer token is empty\.$/ },
  { name: "a JSON body that does not parse (no operation takes a body)", method: "PUT", path: "/me/library/albums/B0064UPU4G", body: "{bad json", status: 400, code: "BAD_REQUEST", message: /^saveLibraryAlbum takes no request body; this request has one of 9 bytes\.$/ },
  { name: "a 10 MB PUT (a 500 'write EPIPE' once)", method: "PUT", path: "/me/library/albums/B0064UPU4G", body: new Blob([new Uint8Array(10 * 1024 * 1024)]), status: 400, code: "BAD_REQUEST", message: /takes no request body, and this one is over 1048576 bytes\.$/ },
  { name: "ids repeated (ids=A&ids=B; a 500 once)", path: "/albums?ids=B0064UPU4G&ids=B00D3PLC1K", status: 400, code: "BAD_REQUEST", message: /^ids was given 2 times/ },
  { name: "ids empty", path: "/albums?ids=", status: 400, code: "BAD_REQUEST", message: /^The query parameter ids is empty: give it a value, or leave it out\.$/ },
  { name: "ids with an empty item", path: "/albums?ids=B0064UPU4G,", status: 400, code: "BAD_REQUEST", message: /query parameter ids must match pattern "\^\[A-Z0-9\]\{10\}\(,\[A-Z0-9\]\{10\}\)\{0,99\}\$" \(it is "B0064UPU4G,"\)/ },
  { name: "101 IDs", path: `/albums?ids=${Array.from({ length: 101 }, (_, i) => `B${String(i).padStart(9, "0")}`).join(",")}`, status: 400, code: "BAD_REQUEST", message: /query parameter ids must NOT have more than 1099 characters/ },
  { name: "no ids", path: "/albums", status: 400, code: "BAD_REQUEST", message: /must have required property 'ids'/ },
  { name: "limit 0", path: "/me/library/albums?limit=0", status: 400, code: "BAD_REQUEST", message: /query parameter limit must be >= 1/ },
  { name: "limit 101", path: "/me/library/albums?limit=101", status: 400, code: "BAD_REQUEST", message: /query parameter limit must be <= 100/ },
  // Numbers JavaScript reads but the description's integer is not: an exponent, a sign, a blank, hex.
  ...["1e1", "+5", "%205", "0x5"].map((limit) => ({ name: `limit ${limit}`, path: `/me/library/albums?limit=${limit}`, status: 400, code: "BAD_REQUEST", message: /query parameter limit must be integer/ })),
  { name: "limit that is not a number", path: "/me/library/albums?limit=ten", status: 400, code: "BAD_REQUEST", message: /query parameter limit must be integer/ },
  { name: "an empty cursor (Prism reads it as none)", path: "/me/library/albums?cursor=", status: 400, code: "BAD_REQUEST", message: /^The query parameter cursor is empty/ },
  { name: "an empty limit (it was a page of 0 once)", path: "/me/library/albums?limit=", status: 400, code: "BAD_REQUEST", message: /^The query parameter limit is empty/ },
  { name: "a cursor the API never gave", path: "/me/library/albums?cursor=made-up", status: 400, code: "BAD_REQUEST", message: /^The cursor "made-up" is not a token this API gave\.$/, only: "realistic" },
  { name: "an expired token", path: "/albums/B0064UPU4G", headers: { "x-api-key": "k", authorization: "Bearer expired-1" }, status: 401, code: "INVALID_ACCESS_TOKEN", message: /expired/, only: "realistic" },
  { name: "an unknown album", path: "/albums/B000000000", status: 404, code: "RESOURCE_NOT_FOUND", message: /^No album has the ID B000000000\.$/, only: "realistic" },
  { name: "Prefer: code= that is not a status", path: "/albums/B0064UPU4G", headers: { ...credentials, prefer: "code=abc" }, status: 400, code: "BAD_REQUEST", message: /^Prefer: code=abc is not an HTTP status/ },
  { name: "Prefer: code= the operation does not have", path: "/me/library/albums", headers: { ...credentials, prefer: "code=404" }, status: 400, code: "BAD_REQUEST", message: /^Prefer: code=404, but getLibraryAlbums has no 404 response \(it has 200, 400, 401, 403, 429, 500, default; default answers 502, 503, 504\)\.$/ },
  { name: "Prefer: example= that does not exist", path: "/albums/B0064UPU4G", headers: { ...credentials, prefer: "example=nope" }, status: 400, code: "BAD_REQUEST", message: /^Prefer: example=nope, but no response of getAlbum has an example of that name\.$/ },
  { name: "Prefer: dynamic= that is not a boolean", path: "/albums/B0064UPU4G", headers: { ...credentials, prefer: "dynamic=maybe" }, status: 400, code: "BAD_REQUEST", message: /^Prefer: dynamic=maybe is neither true nor false\.$/ },
];

/** Requests no fetch can send: written on a socket as they are. */
const rawCases: Array<{ name: string; request: string; message: RegExp }> = [
  {
    name: "a GET with a body (Prism's proxy answered 501)",
    request: `GET /albums/B0064UPU4G HTTP/1.1\r\nhost: x\r\nx-api-key: k\r\nauthorization: Bearer t\r\ncontent-type: application/json\r\ncontent-length: 7\r\nconnection: close\r\n\r\n{"x":1}`,
    message: /^getAlbum takes no request body; this request has one of 7 bytes\.$/,
  },
  { name: "headers of 20 kB (Node answered 431 with an empty body)", request: `GET /albums/B0064UPU4G HTTP/1.1\r\nhost: x\r\nx-big: ${"a".repeat(20_000)}\r\n\r\n`, message: /headers are larger than the mock accepts/ },
  { name: "a request line that is not HTTP", request: "HELLO THERE\r\n\r\n", message: /^The request is not valid HTTP\/1\.1 \(HPE_/ },
  { name: "a NUL byte in a header (Schemathesis' capability probe)", request: `GET /albums/B0064UPU4G HTTP/1.1\r\nhost: x\r\nx-api-key: a\u0000b\r\n\r\n`, message: /^The request is not valid HTTP\/1\.1 \(HPE_/ },
];

async function raw(url: string, request: string): Promise<{ status: number; body: unknown }> {
  const { port, hostname } = new URL(url);
  const text = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (received += chunk));
    socket.on("end", () => resolve(received));
    socket.on("error", reject);
  });
  const [head = "", body = ""] = text.split("\r\n\r\n");
  return { status: Number(head.split(" ")[1]), body: JSON.parse(body) };
}

describe.each(["realistic", "static"] as const)("the %s mode", (mode) => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ mode });
  }, mockStartBudgetMs);
  afterAll(() => mock.close());

  const here = cases.filter((c) => c.only === undefined || c.only === mode);

  it.each(here)("$name: $status $code", async (c) => {
    const response = await fetch(mock.url + c.path, {
      method: c.method ?? "GET",
      headers: c.headers ?? credentials,
      ...(c.body === undefined ? {} : { body: c.body }),
    });
    expect(response.status).toBe(c.status);
    expect(response.headers.get("content-type")).toBe("application/json");
    const body = (await response.json()) as { error: { message: string } };
    // Exactly the envelope: nothing of a framework's own error format.
    expect(body).toEqual({ error: { status: String(c.status), code: c.code, message: expect.any(String) } });
    expect(body.error.message).toMatch(c.message);
    if (c.status === 405) expect(response.headers.get("allow")).toMatch(/^(GET, HEAD|PUT, DELETE)$/);
  });

  it.each(rawCases)("$name: 400 BAD_REQUEST", async (c) => {
    const { status, body } = await raw(mock.url, c.request);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { status: "400", code: "BAD_REQUEST", message: expect.stringMatching(c.message) } });
  });

  it("still answers after all of them, and never mentions a credential", async () => {
    const response = await fetch(`${mock.url}/albums/B0064UPU4G`, { headers: credentials });
    expect(response.status).toBe(200);
    const refused = await fetch(`${mock.url}/albums/%ZZ`, { headers: { "x-api-key": "amzn1.application.SECRET-KEY", authorization: "Bearer SECRET-TOKEN" } });
    expect(await refused.text()).not.toMatch(/SECRET/);
  });
});
