// Servers that repeat the credentials back: in an error's message, in its body (values and keys,
// at any depth), in headers, in a redirect's Location, percent-encoded, as a page token. No
// error the client makes shows them, however it is printed. And credentials so short that they
// occur inside ordinary words ("k", "t") leave the client's messages intact: only a whole
// occurrence can be a credential.
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { AlbumsError, AlbumsNetworkError, createAlbumsClient, type AlbumsClient, type AlbumsClientOptions } from "../../src/index.ts";
import { failure } from "../support/failure.ts";
import { apiError, json, reset, startFaultServer, type FaultServer, type Step } from "./fault-server.ts";
import { redirect } from "./hostile-server.ts";

const apiKey = "amzn1.application.echoed0key0that0must0not0show";
const accessToken = "Atza|echoed-token/that+must=not-show";

let servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function against(steps: Step[], options: Partial<AlbumsClientOptions> = {}): Promise<{ client: AlbumsClient; server: FaultServer }> {
  const server = await startFaultServer(steps);
  servers.push(server);
  const client = createAlbumsClient({ apiKey, accessToken, baseUrl: server.url, retry: { baseDelayMs: 1 }, ...options });
  return { client, server };
}

/** Every way an error is commonly printed or logged, as one text. */
function printed(error: unknown): string {
  const e = error as Error;
  return [e.message, String(e), JSON.stringify(e), e.stack ?? "", inspect(e, { depth: Infinity, showHidden: true }), JSON.stringify(Object.entries(e))].join("\n");
}

/** What the server received: the credentials as the client sent them. */
const sent = (request: { headers: Record<string, string | string[] | undefined> }) => ({
  key: String(request.headers["x-api-key"]),
  token: String(request.headers.authorization).replace("Bearer ", ""),
});

/** An API error whose message, reference, body and headers repeat what the request carried. */
const echoing = (status: number): Step => (request, response) => {
  const { key, token } = sent(request);
  response.writeHead(status, {
    "content-type": "application/json",
    "x-echo-key": key,
    "www-authenticate": `Bearer realm="albums", error="invalid_token", token="${token}"`,
    "x-echo-encoded": `key=${encodeURIComponent(key)}&token=${encodeURIComponent(token)}`,
  });
  response.end(
    JSON.stringify({
      error: { status: String(status), code: "INVALID_AUTH_TOKEN", message: `The key ${key} may not use the token ${token}.`, reference: key },
      request: { headers: request.headers, [token]: key, nested: [[[{ deep: `(${key})` }]]] },
    }),
  );
};

const getAlbum = (client: AlbumsClient) => client.getAlbum("B0064UPU4G");

describe("a server that echoes the credentials", () => {
  it.each([401, 403, 404, 400])("in a %i's message, body and headers: no error shows them", async (status) => {
    const { client } = await against([echoing(status)]);
    const error = await failure(getAlbum(client));
    expect(error).toMatchObject({ name: "AlbumsApiError", status, code: "INVALID_AUTH_TOKEN" });
    expect(printed(error)).not.toContain(apiKey);
    expect(printed(error)).not.toContain(accessToken);
    expect(printed(error)).not.toContain(encodeURIComponent(accessToken));
    // What was around them is kept.
    expect((error as Error).message).toBe(
      `getAlbum failed with ${status} INVALID_AUTH_TOKEN: The key [redacted] may not use the token [redacted].`,
    );
    expect(error).toMatchObject({
      reference: "[redacted]",
      headers: { "x-echo-key": "[redacted]", "x-echo-encoded": "key=[redacted]&token=[redacted]" },
      body: { request: { "[redacted]": "[redacted]", nested: [[[{ deep: "([redacted])" }]]], headers: { "x-api-key": "[redacted]" } } },
    });
  });

  it("in every answer until the retries run out", async () => {
    const { client, server } = await against([echoing(503)]);
    const error = await failure(getAlbum(client));
    expect(server.requests).toHaveLength(3);
    expect(printed(error)).not.toContain(apiKey);
    expect(printed(error)).not.toContain(accessToken);
  });

  it("in a page that is not the API's (an HTML 502), which is kept as text", async () => {
    const page: Step = (request, response) => {
      response.writeHead(502, { "content-type": "text/html" });
      response.end(`<html><body>Bad gateway for key ${sent(request).key}</body></html>`);
    };
    const { client } = await against([page], { retry: false });
    const error = await failure(getAlbum(client));
    expect(error).toMatchObject({ code: "UNEXPECTED_RESPONSE", body: "<html><body>Bad gateway for key [redacted]</body></html>" });
    expect(printed(error)).not.toContain(apiKey);
  });

  it("in a 200 that is not the data envelope", async () => {
    const { client } = await against([(request, response) => json(200, { echo: sent(request) })(request, response)]);
    const error = await failure(getAlbum(client));
    expect(error).toMatchObject({ status: 200, code: "UNEXPECTED_RESPONSE", body: { echo: { key: "[redacted]", token: "[redacted]" } } });
    expect(printed(error)).not.toContain(apiKey);
    expect(printed(error)).not.toContain(accessToken);
  });

  it("both tokens of a refresh: the expired one and the new one", async () => {
    let issued = 0;
    const tokens = ["Atza|first-token-of-the-refresh", "Atza|second-token-of-the-refresh"];
    const expired = apiError(401, "INVALID_ACCESS_TOKEN");
    const echoBoth: Step = (request, response) =>
      json(401, { error: { status: "401", code: "INVALID_ACCESS_TOKEN", message: `Neither ${tokens[0]} nor ${sent(request).token} is valid.` } })(request, response);
    const { client, server } = await against([expired, echoBoth], { accessToken: () => tokens[issued++] as string });
    const error = await failure(getAlbum(client));
    expect(server.requests.map((r) => r.authorization)).toEqual(tokens.map((token) => `Bearer ${token}`));
    expect((error as Error).message).toBe("getAlbum failed with 401 INVALID_ACCESS_TOKEN: Neither [redacted] nor [redacted] is valid.");
  });

  it("as a library page token that comes back", async () => {
    const page: Step = (request, response) =>
      json(200, {
        data: { user: { id: "u1", libraryAlbums: { pageInfo: { hasNextPage: true, token: sent(request).token }, edgeCount: 0, edges: [] } } },
      })(request, response);
    const { client } = await against([page]);
    const error = await failure((async () => {
      for await (const _ of client.iterateLibraryAlbums()) void _;
    })());
    expect(error).toMatchObject({ name: "AlbumsPaginationError", pages: 2 });
    expect((error as Error).message).toBe('getLibraryAlbums: the token "[redacted]" came back after 2 pages; stopped instead of looping.');
  });

  it("in a redirect's Location to another origin", async () => {
    const elsewhere = await startFaultServer([json(200, {})]);
    servers.push(elsewhere);
    const { client } = await against([(request, response) => redirect(302, `${elsewhere.url}/?k=${sent(request).key}`)(request, response)]);
    const error = await failure(getAlbum(client));
    expect(error).toMatchObject({ code: "REDIRECT_REFUSED" });
    expect(printed(error)).not.toContain(apiKey);
  });
});

describe("credentials of one letter", () => {
  const short = { apiKey: "k", accessToken: "t" };

  it("leave a network error's text and cause as fetch gave them", async () => {
    const { client } = await against([reset], { ...short, retry: false });
    const error = await failure(getAlbum(client));
    expect(error).toBeInstanceOf(AlbumsNetworkError);
    expect((error as Error).message).toMatch(/^getAlbum failed: no answer from the API \(fetch failed: /);
    expect((error as Error).message).not.toContain("[redacted]");
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(((error as Error).cause as Error).message).toBe("fetch failed");
  });

  it("leave an API error's words intact, and are redacted where they stand alone", async () => {
    const echo: Step = (request, response) =>
      json(404, { error: { status: "404", code: "RESOURCE_NOT_FOUND", message: `Not found: the key was ${sent(request).key}, the token "${sent(request).token}".` } })(
        request,
        response,
      );
    const { client } = await against([echo], short);
    const error = await failure(getAlbum(client));
    expect(error).toBeInstanceOf(AlbumsError);
    expect((error as Error).message).toBe('getAlbum failed with 404 RESOURCE_NOT_FOUND: Not found: the key was [redacted], the token "[redacted]".');
  });
});
