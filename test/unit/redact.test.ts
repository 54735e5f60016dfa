// A network error quotes what fetch threw and keeps it as its cause; when that shows the request's
// credentials (a custom fetch's message, a proxy library's fields), it quotes it without them and
// keeps only that text.
import { describe, expect, it } from "vitest";
import { AlbumsNetworkError, createAlbumsClient } from "../../src/index.ts";
import { redact, redactHeaders, redactValue, secretsOf, shows } from "../../src/redact.ts";
import { largeInputBudgetMs } from "../support/budgets.ts";
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
    expect(shows(42, ["42"])).toBe(true);
    // A digit of a longer number is no credential.
    expect(shows(42, ["4"])).toBe(false);
  });
});

describe("secretsOf", () => {
  it("is each credential as it is and percent-encoded, longest first, each once, none empty", () => {
    expect(secretsOf(["Atza|t/1", "", "key", "key"])).toEqual(["Atza%7Ct%2F1", "Atza|t/1", "key"]);
  });
});

describe("redact", () => {
  describe("a short credential (under 12 characters)", () => {
    const short = ["k", "t"];

    it("inside a word is no credential: the text stays as it is", () => {
      for (const text of ["fetch failed: connect ECONNREFUSED 127.0.0.1:443", "kt", "okay", "t_t", "t9", "9t", "été", "ét", "𝒜t", "t\u0301"]) {
        expect(redact(text, short), text).toBe(text);
      }
    });

    it("standing alone is taken out, whatever is around it that is no letter or digit", () => {
      expect(redact("key k, token t.", short)).toBe("key [redacted], token [redacted].");
      expect(redact("t-shirt (k) k|t t", short)).toBe("[redacted]-shirt ([redacted]) [redacted]|[redacted] [redacted]");
      expect(redact('"t"', short)).toBe('"[redacted]"');
      expect(redact("t€ 😀t", short)).toBe("[redacted]€ 😀[redacted]");
      expect(redact("t", short)).toBe("[redacted]");
    });

    it("beginning or ending with a sign needs no boundary on that side", () => {
      expect(redact("x|ab y", ["|ab"])).toBe("x[redacted] y");
      expect(redact("x|abc", ["|ab"])).toBe("x|abc");
      expect(redact("ab=x", ["ab="])).toBe("[redacted]x");
      expect(redact("xab=", ["ab="])).toBe("xab=");
    });

    it("repeated inside itself is one longer word", () => {
      expect(redact("abab ab", ["ab"])).toBe("abab [redacted]");
    });
  });

  it("of 12 characters or more is taken out wherever it shows, even joined to other letters", () => {
    expect(redact("x0123456789abx 0123456789a", ["0123456789ab", "0123456789a"])).toBe("x[redacted]x [redacted]");
    // One character shorter is a short credential: inside a word, it stays.
    expect(redact("x0123456789ax", ["0123456789a"])).toBe("x0123456789ax");
  });

  it("takes every occurrence out, the longer credential first, so that none of it is left when one holds the other", () => {
    expect(redact("abc-def and abc, abc", ["abc-def", "abc"])).toBe("[redacted] and [redacted], [redacted]");
  });
});

describe("redactValue", () => {
  const secrets = ["secret"];

  it("copies a parsed body with the secrets out of every string and key, at any depth, leaving the rest and the original alone", () => {
    const body = { error: { message: "secret!", code: 7, ok: true, none: null }, list: ["a", "secret", ["secret"]], secret: "x", ["__proto__"]: "secret" };
    const copy = redactValue(JSON.parse(JSON.stringify(body)), secrets);
    expect(copy).toEqual({ error: { message: "[redacted]!", code: 7, ok: true, none: null }, list: ["a", "[redacted]", ["[redacted]"]], "[redacted]": "x", ["__proto__"]: "[redacted]" });
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Array.isArray((copy as { list: unknown }).list)).toBe(true);
    expect(redactValue("a secret", secrets)).toBe("a [redacted]");
    expect(redactValue(42, secrets)).toBe(42);
    expect(redactValue(null, secrets)).toBe(null);
  });

  it("walks a body nested deeper than the stack", () => {
    const depth = 200_000;
    const nested = JSON.parse(`${"[".repeat(depth)}"secret"${"]".repeat(depth)}`) as unknown;
    let copy = redactValue(nested, secrets);
    for (let level = 0; level < depth; level++) copy = (copy as unknown[])[0];
    expect(copy).toBe("[redacted]");
  }, largeInputBudgetMs);
});

describe("redactHeaders", () => {
  it("is the headers as a plain object, the secrets out of names and values", () => {
    const headers = new Headers({ "x-echo": "key secret", "x-secret": "1", "content-type": "application/json" });
    expect(redactHeaders(headers, secrets())).toEqual({ "content-type": "application/json", "x-[redacted]": "1", "x-echo": "key [redacted]" });
  });
  const secrets = () => ["secret"];
});
