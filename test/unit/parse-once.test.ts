// The client parses each response body once, even without a Content-Length (a chunked answer,
// as most servers send): openapi-fetch would otherwise read the text and parse it again.
import { afterEach, expect, it, vi } from "vitest";
import { createAlbumsClient } from "../../src/index.ts";
import { album, credentials } from "./support/recording-fetch.ts";

afterEach(() => vi.restoreAllMocks());

it.each([
  ["without a Content-Length", {}],
  ["with one", { "content-length": String(JSON.stringify({ data: { album } }).length) }],
])("parses a body once, %s", async (_, lengthHeader) => {
  const body = JSON.stringify({ data: { album } });
  const fetch = async () => new Response(body, { headers: { "content-type": "application/json", ...lengthHeader } });
  const client = createAlbumsClient({ ...credentials, fetch });
  const parse = vi.spyOn(JSON, "parse");
  expect(await client.getAlbum("B0064UPU4G")).toEqual(album);
  expect(parse.mock.calls.filter(([text]) => text === body)).toHaveLength(1);
});
