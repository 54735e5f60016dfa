// A retry sends the same request again: same method, URL and headers, and every option the call
// was made with through the raw client (cache, credentials, keepalive, referrer, ...); after a
// token refresh, only Authorization differs.
import { describe, expect, it } from "vitest";
import { createAlbumsClient } from "../../src/index.ts";
import { album, apiError, credentials, inTurn, json, recordingFetch } from "./support/recording-fetch.ts";

const options = {
  cache: "no-store",
  credentials: "omit",
  keepalive: true,
  referrer: "https://api.music.amazon.dev/v1/docs",
  referrerPolicy: "same-origin",
  integrity: "sha256-abc",
} as const;
const shape = (request: Request) => ({
  method: request.method,
  url: request.url,
  headers: Object.fromEntries(request.headers),
  cache: request.cache,
  credentials: request.credentials,
  keepalive: request.keepalive,
  referrer: request.referrer,
  referrerPolicy: request.referrerPolicy,
  integrity: request.integrity,
});

describe("a retried request", () => {
  it("is the first one again, options included", async () => {
    const { fetch, requests } = recordingFetch(inTurn(() => apiError(503, "INTERNAL"), () => json({ data: { album } })));
    const client = createAlbumsClient({ ...credentials, fetch, retry: { baseDelayMs: 0 } });
    await client.raw.GET("/albums/{id}", { params: { path: { id: "B0064UPU4G" } }, headers: { prefer: "code=200" }, ...options });
    expect(requests).toHaveLength(2);
    expect(shape(requests[0] as Request)).toMatchObject(options);
    expect(shape(requests[1] as Request)).toEqual(shape(requests[0] as Request));
  });

  it("after a token refresh differs only in its Authorization", async () => {
    let issued = 0;
    const { fetch, requests } = recordingFetch(inTurn(() => apiError(401, "INVALID_ACCESS_TOKEN"), () => json({ data: { album } })));
    const client = createAlbumsClient({ apiKey: credentials.apiKey, accessToken: () => `token-${++issued}`, fetch });
    await client.raw.PUT("/me/library/albums/{id}", { params: { path: { id: "B0064UPU4G" } }, ...options });
    const [first, second] = requests.map(shape);
    expect(second).toEqual({ ...first, headers: { ...first?.headers, authorization: "Bearer token-2" } });
  });
});
