// A network error quotes what fetch threw and keeps it as its cause; when that shows the request's
// credentials (a custom fetch's message, a proxy library's fields), it quotes it without them and
// keeps only that text.
import { describe, expect, it } from "vitest";
import { AlbumsNetworkError, createAlbumsClient } from "../../src/index.ts";
import { credentialsOf, redact, shows } from "../../src/redact.ts";
import { failure } from "../support/failure.ts";
import { recordingFetch } from "./support/recording-fetch.ts";

const apiKey = "amzn1.application.key-0123";
const accessToken = "Atza|token-4567";

/** What getAlbum rejects with when fetch throws what `thrown` makes of the request (once: no retries). */
async function networkErrorFor(thrown: (request: Request) => unknown): Promise<AlbumsNetworkError> {
  const fetch = recordingFetch((request) => Promise.reject(thrown(request))).fetch;
  const error = await failure(createAlbumsClient({ apiKey, accessToken, fetch, retry: false }).getAlbum("B0064UPU4G"));
  expect(error).toBeInstanceOf(AlbumsNetworkError);
  return error as AlbumsNetworkError;
}

describe("a network error whose cause shows the credentials", () => {
  it("quotes the cause with each credential replaced, and keeps only that text as its cause", async () => {
    const inner = Object.assign(new Error(`proxy refused key ${apiKey}`), { code: "EPROXY" });
    const error = await networkErrorFor((request) => new TypeError(`fetch failed, sent ${request.headers.get("authorization")}`, { cause: inner }));
    const described = "fetch failed, sent Bearer [redacted]: proxy refused key [redacted]";
    expect(error.message).toBe(`getAlbum failed: no answer from the API (${described})`);
    expect(error.cause).toBeInstanceOf(Error);
    expect(Object.entries(error.cause as Error)).toEqual([]);
    expect((error.cause as Error).message).toBe(described);
    expect((error.cause as Error).cause).toBeUndefined();
  });

  it("finds a credential in a field alone, in the stack alone, and in a cause that is not an Error", async () => {
    const inField = await networkErrorFor(() => Object.assign(new Error("fetch failed"), { request: { headers: { "x-api-key": apiKey } } }));
    expect(inField.cause).not.toHaveProperty("request");
    const inStack = await networkErrorFor(() => Object.assign(new Error("fetch failed"), { stack: `Error: at ${accessToken}` }));
    expect((inStack.cause as Error).stack).not.toContain(accessToken);
    const text = await networkErrorFor(() => `offline, key ${apiKey}`);
    expect(text.message).toBe("getAlbum failed: no answer from the API (offline, key [redacted])");
    expect((text.cause as Error).message).toBe("offline, key [redacted]");
  });

  it("keeps a cause that shows no credential as it is, the same object", async () => {
    const thrown = Object.assign(new TypeError("fetch failed"), { code: "ECONNREFUSED", port: 443 });
    const error = await networkErrorFor(() => thrown);
    expect(error.cause).toBe(thrown);
  });
});

describe("credentialsOf", () => {
  it("is the bearer token and the API key, longest first", () => {
    const request = new Request("http://127.0.0.1/", { headers: { authorization: "Bearer tok", "x-api-key": "key-longer" } });
    expect(credentialsOf(request)).toEqual(["key-longer", "tok"]);
    expect(credentialsOf(new Request("http://127.0.0.1/", { headers: { authorization: "Bearer a-longer-token", "x-api-key": "key" } }))).toEqual([
      "a-longer-token",
      "key",
    ]);
  });

  it("is the whole Authorization value when it is not a bearer token, and nothing for absent headers", () => {
    expect(credentialsOf(new Request("http://127.0.0.1/", { headers: { authorization: "Basic abc" } }))).toEqual(["Basic abc"]);
    expect(credentialsOf(new Request("http://127.0.0.1/", { headers: { authorization: "Token Bearer abc" } }))).toEqual(["Token Bearer abc"]);
    expect(credentialsOf(new Request("http://127.0.0.1/", { headers: { authorization: "bearer   abc" } }))).toEqual(["abc"]);
    expect(credentialsOf(new Request("http://127.0.0.1/"))).toEqual([]);
  });
});

describe("redact and shows", () => {
  it("takes every occurrence out, the longer credential first, so that none of it is left when one holds the other", () => {
    expect(redact("abc-def and abc, abc", ["abc-def", "abc"])).toBe("[redacted] and [redacted], [redacted]");
  });

  it("finds nothing when there are no credentials, and stops on a value that refers to itself", () => {
    expect(shows(new Error("anything"), [])).toBe(false);
    const looped: Error & { self?: unknown } = new Error("looped");
    looped.self = looped;
    expect(shows(looped, ["secret"])).toBe(false);
    expect(shows({ a: { b: { c: { d: { e: "secret" } } } } }, ["secret"])).toBe(true);
    expect(shows({ a: null, b: undefined, c: "public" }, ["secret"])).toBe(false);
    expect(shows(42, ["4"])).toBe(true);
  });
});
