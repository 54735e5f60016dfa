// An expired token (401 INVALID_ACCESS_TOKEN) is refreshed once, when accessToken is a function,
// and the request sent again with the new token; that second try is not one of the retries.
// Nothing else refreshes: not another 401 code, not another status, not a body that is not JSON.
import { describe, expect, it } from "vitest";
import { createAlbumsClient, type RetryOptions } from "../../src/index.ts";
import { failure } from "../support/failure.ts";
import { album, apiError, credentials, inTurn, json, recordingFetch } from "./support/recording-fetch.ts";

const ok = () => json({ data: { album } });
const expired = () => apiError(401, "INVALID_ACCESS_TOKEN");

/** A client whose token function counts its calls, against the answers given. */
function withTokenFunction(answers: Array<(request: Request) => Response | Promise<Response>>, retry: RetryOptions = {}) {
  const recording = recordingFetch(inTurn(...answers));
  let issued = 0;
  const client = createAlbumsClient({
    apiKey: credentials.apiKey,
    accessToken: () => `token-${++issued}`,
    fetch: recording.fetch,
    retry: { baseDelayMs: 0, ...retry },
  });
  const tokensSent = () => recording.requests.map((request) => request.headers.get("authorization"));
  return { client, tokensSent, issued: () => issued };
}

describe("an expired token", () => {
  it("is refreshed once, and the request sent again with the new one", async () => {
    const { client, tokensSent } = withTokenFunction([expired, ok]);
    expect(await client.getAlbum("B0064UPU4G")).toEqual(album);
    expect(tokensSent()).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("does not use up a retry: three attempts still follow the refresh", async () => {
    const unavailable = () => apiError(503, "INTERNAL");
    const { client, tokensSent } = withTokenFunction([expired, unavailable, unavailable, ok], { maxAttempts: 3 });
    expect(await client.getAlbum("B0064UPU4G")).toEqual(album);
    expect(tokensSent()).toEqual(["Bearer token-1", "Bearer token-2", "Bearer token-2", "Bearer token-2"]);
  });

  it("is refreshed even when retries are off", async () => {
    const { client, tokensSent } = withTokenFunction([expired, ok], { maxAttempts: 1 });
    expect(await client.getAlbum("B0064UPU4G")).toEqual(album);
    expect(tokensSent()).toHaveLength(2);
  });

  it("that expires again is not refreshed again", async () => {
    const { client, tokensSent } = withTokenFunction([expired]);
    expect(await failure(client.getAlbum("B0064UPU4G"))).toMatchObject({ status: 401, code: "INVALID_ACCESS_TOKEN" });
    expect(tokensSent()).toEqual(["Bearer token-1", "Bearer token-2"]);
  });
});

describe("no refresh", () => {
  it.each([
    ["another 401 code", () => apiError(401, "INVALID_AUTH_TOKEN"), 401],
    ["INVALID_ACCESS_TOKEN with another status", () => apiError(403, "INVALID_ACCESS_TOKEN"), 403],
    ["a 401 whose body is not JSON", () => new Response("<html>401 Unauthorized</html>", { status: 401, headers: { "content-type": "text/html" } }), 401],
    ["a 401 with JSON that is not the error envelope", () => json({ message: "Unauthorized" }, 401), 401],
  ])("for %s: one request, the error as it came", async (_, answer, status) => {
    const { client, tokensSent, issued } = withTokenFunction([answer, ok]);
    expect(await failure(client.getAlbum("B0064UPU4G"))).toMatchObject({ name: "AlbumsApiError", status });
    expect(tokensSent()).toEqual(["Bearer token-1"]);
    expect(issued()).toBe(1);
  });

  it("for a fixed token: it cannot be refreshed", async () => {
    const recording = recordingFetch(inTurn(expired, ok));
    const client = createAlbumsClient({ ...credentials, fetch: recording.fetch });
    expect(await failure(client.getAlbum("B0064UPU4G"))).toMatchObject({ status: 401, code: "INVALID_ACCESS_TOKEN" });
    expect(recording.requests).toHaveLength(1);
  });
});
