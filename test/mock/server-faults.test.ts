// The mock when something goes wrong on its side: an answer that would break the description, a
// failure of its own, an answer it cannot write, what Node's parser reports about a connection;
// and listening and closing.
import { once } from "node:events";
import { ServerResponse } from "node:http";
import { createServer, type Socket } from "node:net";
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createMockServer, type MockServer } from "../../mock/node/server.ts";
import { bundlePath, mockStartBudgetMs } from "../support/mock.ts";
import { parse, rawConnection, readAll } from "../support/raw-http.ts";

const credentials = { "x-api-key": "amzn1.application.faults", authorization: "Bearer faults-user" };
const bundle = () => JSON.parse(readFileSync(bundlePath, "utf8")) as Record<string, any>;

/** The bundle with an example album whose title and URL break the description, and a library schema Ajv refuses to compile. */
function brokenDocument(): object {
  const document = bundle();
  document.components.examples.TwiceBroken = { value: { data: { album: { id: "B0BROKEN02", title: "", url: "http://music.amazon.com/albums/B0BROKEN02" } } } };
  const content = document.paths["/me/library/albums"].get.responses["200"].content["application/json"];
  content.schema = { ...content.schema, maxLenght: 1 };
  return document;
}

describe("an answer the mock cannot give", () => {
  const lines: string[] = [];
  let mock: MockServer;
  let url: string;
  beforeAll(async () => {
    mock = await createMockServer({ document: brokenDocument(), log: (line) => lines.push(line), lazyPrism: true });
    url = await mock.listen(0);
  }, mockStartBudgetMs);
  afterAll(() => mock.close());
  afterEach(() => {
    lines.length = 0;
    vi.restoreAllMocks();
  });

  const error = async (response: Response) => [response.status, await response.json()];

  it("one that would break the description is a 500 that says every way it would, and a log line", async () => {
    const problems =
      "Response body property data.album.title must NOT have fewer than 1 characters; " +
      'Response body property data.album.url must match pattern "^https://[a-z0-9.-]+/"';
    expect(await error(await fetch(`${url}/albums/B0BROKEN02`, { headers: credentials }))).toEqual([
      500,
      { error: { status: "500", code: "INTERNAL", message: `The mock's answer broke the description: ${problems}.` } },
    ]);
    expect(lines[0]).toBe(`  the answer broke the description: ${problems}`);
    expect(lines[1]).toMatch(/^GET \/albums\/B0BROKEN02 500 INTERNAL getAlbum /);
  });

  it("a failure of the mock itself is a 500 that says what failed", async () => {
    expect(await error(await fetch(`${url}/me/library/albums`, { headers: credentials }))).toEqual([
      500,
      { error: { status: "500", code: "INTERNAL", message: expect.stringMatching(/^The mock failed: strict mode: unknown keyword: "maxLenght"/) } },
    ]);
  });

  it("one it cannot write closes the connection and is logged; the mock goes on serving", async () => {
    vi.spyOn(ServerResponse.prototype, "writeHead").mockImplementationOnce(() => {
      throw new Error("write failed");
    });
    const path = `/albums/B0064UPU4G?${"pad=1&".repeat(30)}`;
    await expect(fetch(url + path, { headers: credentials })).rejects.toThrow();
    expect(lines).toEqual([`  could not answer GET ${path.slice(0, 120)}: Error: write failed`]);
    expect((await fetch(`${url}/albums/B0064UPU4G`, { headers: credentials })).status).toBe(200);
  });
});

describe("a mock without a log", () => {
  let mock: MockServer;
  let url: string;
  beforeAll(async () => {
    mock = await createMockServer({ document: brokenDocument(), lazyPrism: true });
    url = await mock.listen(0);
  }, mockStartBudgetMs);
  afterAll(() => mock.close());
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("keeps a connection open for the next request", async () => {
    const get = `GET /albums/B0064UPU4G HTTP/1.1\r\nhost: x\r\nx-api-key: k\r\nauthorization: Bearer t\r\n`;
    const client = await rawConnection(url);
    const received = readAll(client);
    client.write(`${get}\r\n${get}connection: close\r\n\r\n`);
    expect((await received).match(/HTTP\/1\.1 200 OK\r\n/g)).toHaveLength(2);
  });

  it("answers an answer that would break the description with the same 500", async () => {
    const response = await fetch(`${url}/albums/B0BROKEN02`, { headers: credentials });
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^The mock's answer broke the description: Response body property data\.album\.title /);
  });

  it("closes a connection it cannot answer on", async () => {
    vi.spyOn(ServerResponse.prototype, "writeHead").mockImplementationOnce(() => {
      throw new Error("write failed");
    });
    await expect(fetch(`${url}/albums/B0064UPU4G`, { headers: credentials })).rejects.toThrow();
  });
});

describe("what Node's parser reports about a connection", () => {
  let mock: MockServer;
  let url: string;
  beforeAll(async () => {
    mock = await createMockServer({ document: bundle(), lazyPrism: true });
    url = await mock.listen(0);
  }, mockStartBudgetMs);
  afterAll(() => mock.close());

  /** Connects, has the server report `code` about the connection (as its parser would), and reads what the client gets. */
  async function report(code: string | undefined): Promise<string> {
    const accepted = once(mock.server, "connection") as Promise<[Socket]>;
    const client = await rawConnection(url);
    const [socket] = await accepted;
    const received = readAll(client);
    mock.server.emit("clientError", Object.assign(new Error("reported"), code === undefined ? {} : { code }), socket);
    return received;
  }

  it.each([
    ["ERR_HTTP_REQUEST_TIMEOUT", "The request did not arrive in time."],
    ["HPE_INVALID_METHOD", "The request is not valid HTTP/1.1 (HPE_INVALID_METHOD)."],
    [undefined, "The request is not valid HTTP/1.1 (unreadable)."],
  ])("%s: 400 in the envelope, and the connection closed", async (code, message) => {
    const answer = parse(await report(code));
    expect([answer.status, answer.headers.connection, JSON.parse(answer.body)]).toEqual([400, "close", { error: { status: "400", code: "BAD_REQUEST", message } }]);
  });

  it("a connection the client reset gets no answer", async () => {
    expect(await report("ECONNRESET")).toBe("");
  });
});

describe("listening and closing", () => {
  it("a busy port is refused with Node's EADDRINUSE; another port serves", async () => {
    const busy = createServer().listen(0, "127.0.0.1");
    await once(busy, "listening");
    const mock = await createMockServer({ document: bundle(), lazyPrism: true });
    try {
      await expect(mock.listen((busy.address() as { port: number }).port)).rejects.toMatchObject({ code: "EADDRINUSE" });
      const url = await mock.listen(0);
      expect((await fetch(`${url}/albums/B0064UPU4G`, { headers: credentials })).status).toBe(200);
    } finally {
      busy.close();
      await mock.close();
    }
  });

  it("on every interface, gives a URL a client can use: the loopback one", async () => {
    const mock = await createMockServer({ document: bundle(), lazyPrism: true });
    try {
      const url = await mock.listen(0, "0.0.0.0");
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${url}/albums/B0064UPU4G`, { headers: credentials })).status).toBe(200);
    } finally {
      await mock.close();
    }
  });

  it("an IPv6 address is bracketed in the URL", async () => {
    const mock = await createMockServer({ document: bundle(), lazyPrism: true });
    try {
      const url = await mock.listen(0, "::1");
      expect(url).toMatch(/^http:\/\/\[::1\]:\d+$/);
      expect((await fetch(`${url}/albums/B0064UPU4G`, { headers: credentials })).status).toBe(200);
    } finally {
      await mock.close();
    }
  });

  it("close() stops it, keep-alive connections included", async () => {
    const mock = await createMockServer({ document: bundle(), lazyPrism: true });
    const url = await mock.listen(0);
    expect((await fetch(`${url}/albums/B0064UPU4G`, { headers: credentials })).status).toBe(200);
    await mock.close();
    expect(mock.server.listening).toBe(false);
    await expect(fetch(`${url}/albums/B0064UPU4G`, { headers: credentials })).rejects.toThrow();
  });
});
