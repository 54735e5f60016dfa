// The mock's parts on their own: the LRU map that bounds its state, the libraries and their
// page tokens, the rate limiter on an injected clock, the Prefer header, the credentials, and
// how messages quote what a request sent.
import { describe, expect, it } from "vitest";
import { checkCredentials } from "../../mock/core/credentials.ts";
import { MockError, quote } from "../../mock/core/envelope.ts";
import { BadCursorError, Libraries } from "../../mock/core/library.ts";
import { LruMap } from "../../mock/core/lru.ts";
import { maxPreferLength, parsePrefer } from "../../mock/core/prefer.ts";
import { RateLimiter } from "../../mock/core/rate-limit.ts";

describe("LruMap", () => {
  it("keeps at most its capacity, forgetting the least recently used first", () => {
    const map = new LruMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    expect(map.get("a")).toBe(1); // a is now the most recent
    map.set("c", 3);
    expect([map.get("a"), map.get("b"), map.get("c"), map.size]).toEqual([1, undefined, 3, 2]);
  });

  it("setting a key again refreshes it instead of adding one", () => {
    const map = new LruMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    map.set("a", 10);
    map.set("c", 3);
    expect([map.get("a"), map.get("b"), map.size]).toEqual([10, undefined, 2]);
  });

  it("refuses a capacity that is not a whole number of at least 1", () => {
    for (const capacity of [0, -1, 1.5, Number.NaN]) expect(() => new LruMap(capacity)).toThrow(RangeError);
    expect(() => new LruMap(0)).toThrow("capacity must be a whole number of at least 1, not 0");
    expect(new LruMap(1).capacity).toBe(1);
  });
});

describe("Libraries", () => {
  const ids = (entries: Array<{ albumId: string }>) => entries.map((entry) => entry.albumId);

  it("a read creates nothing: an unknown user has an empty library and costs no memory", () => {
    const libraries = new Libraries(10);
    expect(libraries.page("nobody", 100, undefined)).toEqual({ entries: [], next: undefined });
    libraries.remove("nobody", "B0064UPU4G");
    expect(libraries.users).toBe(0);
  });

  it("pages in save order; the token continues after the last album shown", () => {
    const libraries = new Libraries(10);
    for (const id of ["A1", "A2", "A3", "A4", "A5"]) libraries.save("u", id);
    const first = libraries.page("u", 2, undefined);
    expect(ids(first.entries)).toEqual(["A1", "A2"]);
    const second = libraries.page("u", 2, first.next);
    expect(ids(second.entries)).toEqual(["A3", "A4"]);
    const last = libraries.page("u", 2, second.next);
    expect(last).toMatchObject({ next: undefined });
    expect(ids(last.entries)).toEqual(["A5"]);
  });

  it("a last page that is exactly full has no token", () => {
    const libraries = new Libraries(10);
    for (const id of ["A1", "A2", "A3", "A4"]) libraries.save("u", id);
    const first = libraries.page("u", 2, undefined);
    expect(libraries.page("u", 2, first.next)).toMatchObject({ next: undefined });
  });

  it("removals and saves between pages neither skip nor repeat the albums that stay", () => {
    const libraries = new Libraries(10);
    for (const id of ["A1", "A2", "A3", "A4", "A5", "A6"]) libraries.save("u", id);
    const first = libraries.page("u", 2, undefined);
    libraries.remove("u", "A1"); // already shown
    libraries.remove("u", "A3"); // not yet shown
    libraries.save("u", "A7");
    libraries.remove("u", "A2");
    libraries.save("u", "A2"); // saved again: a new entry, at the end
    const rest = [];
    for (let cursor = first.next; cursor !== undefined; ) {
      const page = libraries.page("u", 2, cursor);
      rest.push(...ids(page.entries));
      cursor = page.next;
    }
    expect([...ids(first.entries), ...rest]).toEqual(["A1", "A2", "A4", "A5", "A6", "A7", "A2"]);
  });

  it("saving twice keeps the first entry; a new save after a removal is a new entry", () => {
    const libraries = new Libraries(10);
    libraries.save("u", "A1");
    const [entry] = libraries.page("u", 10, undefined).entries;
    libraries.save("u", "A1");
    expect(libraries.page("u", 10, undefined).entries).toEqual([entry]);
    libraries.remove("u", "A1");
    libraries.save("u", "A1");
    const [again] = libraries.page("u", 10, undefined).entries;
    expect(again?.objectId).not.toBe(entry?.objectId);
    expect(again?.objectId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("each user has a library of their own, and at most maxUsers are kept", () => {
    const libraries = new Libraries(2);
    libraries.save("u1", "A1");
    libraries.save("u2", "A2");
    libraries.save("u3", "A3");
    expect(libraries.users).toBe(2);
    expect(ids(libraries.page("u1", 10, undefined).entries)).toEqual([]);
    expect(ids(libraries.page("u3", 10, undefined).entries)).toEqual(["A3"]);
  });

  it("a page of one gives a token that continues after the first album (the smallest sequence number)", () => {
    const libraries = new Libraries(10);
    for (const id of ["A1", "A2"]) libraries.save("u", id);
    const first = libraries.page("u", 1, undefined);
    expect(ids(first.entries)).toEqual(["A1"]);
    expect(libraries.page("u", 1, first.next)).toMatchObject({ entries: [{ albumId: "A2" }], next: undefined });
  });

  it("gives tokens of the form the API's pages show (tztok-v2_...), and only takes those", () => {
    const libraries = new Libraries(10);
    for (const id of ["A1", "A2"]) libraries.save("u", id);
    const token = libraries.page("u", 1, undefined).next as string;
    expect(token).toMatch(/^tztok-v2_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(() => libraries.page("u", 1, `tztok-v3_${token.slice("tztok-v2_".length)}`)).toThrow(BadCursorError);
  });

  it("quotes at most 40 characters of a cursor it refuses", () => {
    const cursor = `tztok-v2_${"x".repeat(100)}`;
    expect(() => new Libraries(1).page("u", 10, cursor)).toThrow(`The cursor "${cursor.slice(0, 40)}" is not a token this API gave.`);
  });

  it("takes the description's own example token: the first page of two albums", () => {
    const libraries = new Libraries(10);
    for (const id of ["A1", "A2", "A3"]) libraries.save("u", id);
    expect(ids(libraries.page("u", 10, "tztok-v2_af19a7a1-89d8-a753-eff5-000000000002").entries)).toEqual(["A3"]);
  });

  it.each([
    "made-up",
    "tztok-v2_",
    // A token of the right form that the mock did not give (the digest does not match), one for sequence 0, one with upper-case hex.
    "tztok-v2_7b2f7a0c-6f0e-4d3e-9a43-1c2b3d4e5f60",
    "tztok-v2_00000000-0000-0000-0000-000000000000",
    "tztok-v2_AF19A7A1-89D8-A753-EFF5-000000000002",
    "tztok-v2_af19a7a1-89d8-a753-eff5-000000000002 ",
  ])(
    "refuses a cursor it did not give: %s",
    (cursor) => {
      expect(() => new Libraries(1).page("u", 10, cursor)).toThrow(BadCursorError);
    },
  );
});

describe("RateLimiter", () => {
  it("lets capacity requests through at once, then asks to wait whole seconds until one is refilled", () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 2, perSecond: 0.5, maxKeys: 10 }, () => now);
    expect([limiter.take("k"), limiter.take("k"), limiter.take("k")]).toEqual([undefined, undefined, 2]);
    now = 1000;
    expect(limiter.take("k")).toBe(1);
    now = 2000;
    expect(limiter.take("k")).toBeUndefined();
  });

  it("refills no more than its capacity", () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 2, perSecond: 1, maxKeys: 10 }, () => now);
    limiter.take("k");
    now = 60_000;
    expect([limiter.take("k"), limiter.take("k"), limiter.take("k")]).toEqual([undefined, undefined, 1]);
  });

  it("keeps a bucket per key, at most maxKeys of them", () => {
    const limiter = new RateLimiter({ capacity: 1, perSecond: 1, maxKeys: 2 }, () => 0);
    expect([limiter.take("a"), limiter.take("b"), limiter.take("a")]).toEqual([undefined, undefined, 1]);
    limiter.take("c");
    expect(limiter.keys).toBe(2);
  });
});

describe("parsePrefer", () => {
  it.each([
    [undefined, undefined],
    ["respond-async", undefined],
    ["code=404", { code: 404 }],
    ["code=429, example=THROTTLED", { code: 429, example: "THROTTLED" }],
    ['example="secondPage"', { example: "secondPage" }],
    ["dynamic=true; seed=7", { dynamic: true, seed: "7" }],
    ["Dynamic=false", { dynamic: false }],
    [["code=500", "example=INTERNAL"], { code: 500, example: "INTERNAL" }],
    // RFC 7240 allows whitespace around each `;` and `,`.
    ["code=404 ; dynamic=true", { code: 404, dynamic: true }],
    ["dynamic=true ,seed=7 ", { dynamic: true, seed: "7" }],
    ['example = "second Page" ', { example: "second Page" }],
  ])("%j asks for %j", (header, preferences) => {
    expect(parsePrefer(header)).toEqual(preferences);
  });

  it.each([
    ["x_code=404", undefined],
    ['example="a"b', undefined],
    ["code=404,", { code: 404 }],
    [", ;", undefined],
  ])("ignores what it cannot read whole: %j asks for %j", (header, preferences) => {
    expect(parsePrefer(header)).toEqual(preferences);
  });

  it.each(["code=", "code", "code=4040", "code=1404", "code=abc", "code=600", "example=", "example", "dynamic=yes", "dynamic"])("refuses %s with a 400 that says why", (header) => {
    const error = (() => {
      try {
        parsePrefer(header);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MockError);
    expect(error).toMatchObject({ status: 400, code: "BAD_REQUEST", message: expect.stringContaining(`Prefer: ${header}`) });
  });

  it("names what is missing when a preference has no value", () => {
    expect(() => parsePrefer("dynamic")).toThrow("Prefer: dynamic= is neither true nor false.");
    expect(() => parsePrefer("code")).toThrow("Prefer: code= is not an HTTP status: use three digits, such as code=404.");
    expect(() => parsePrefer('example=""')).toThrow("Prefer: example= names no example: use example=<name>, such as example=secondPage.");
  });

  it.each(["100", "199", "404", "500", "599"])("reads code=%s, a status of three digits from 1xx to 5xx", (code) => {
    expect(parsePrefer(`code=${code}`)).toEqual({ code: Number(code) });
  });

  it.each(["099", "600", "1/0", "1:0", "40/", "40:", "4 4", "1e2", "+40", "-40"])("refuses code=%s", (code) => {
    expect(() => parsePrefer(`code=${code}`)).toThrow(`Prefer: code=${code} is not an HTTP status: use three digits, such as code=404.`);
  });

  it("quotes at most 40 characters of a value it refuses", () => {
    expect(() => parsePrefer(`dynamic=${"y".repeat(40)}`)).toThrow(`Prefer: dynamic=${"y".repeat(40)} is neither true nor false.`);
    expect(() => parsePrefer(`dynamic=${"y".repeat(41)}`)).toThrow(`Prefer: dynamic=${"y".repeat(40)}… is neither true nor false.`);
  });

  it("takes a value's quotes off only when they stand on both sides of it, and ignores a lone quote", () => {
    expect(parsePrefer('seed="7"')).toEqual({ seed: "7" });
    expect(parsePrefer('seed="')).toBeUndefined();
    expect(parsePrefer('seed="7')).toBeUndefined();
    expect(parsePrefer('seed=7"')).toBeUndefined();
  });

  it(`reads a header of up to ${maxPreferLength} characters, the values of several headers joined by commas, and refuses a longer one`, () => {
    const seed = "s".repeat(maxPreferLength - "seed=".length);
    expect(parsePrefer(`seed=${seed}`)).toEqual({ seed });
    expect(() => parsePrefer(`seed=${seed}s`)).toThrow(`The Prefer header is ${maxPreferLength + 1} characters long; the mock reads at most ${maxPreferLength}.`);
    // Two headers of 512 characters are 1,025 once joined.
    const half = `seed=${"s".repeat(maxPreferLength / 2 - "seed=".length)}`;
    expect(() => parsePrefer([half, half])).toThrow(`The Prefer header is ${maxPreferLength + 1} characters long`);
  });
});

describe("checkCredentials", () => {
  const check = (headers: Record<string, string | string[]>, expiredTokens = true) => {
    try {
      return checkCredentials(headers, { expiredTokens });
    } catch (error) {
      return error;
    }
  };

  it("gives digests, never the values, and a user ID of the API's form", () => {
    const credentials = check({ "x-api-key": "amzn1.application.SECRET", authorization: "Bearer SECRET-TOKEN" });
    expect(JSON.stringify(credentials)).not.toMatch(/SECRET/);
    expect(credentials).toMatchObject({ apiKeyDigest: expect.stringMatching(/^[0-9a-f]{64}$/), userId: expect.stringMatching(/^[0-9a-f]{26}$/) });
    expect(check({ "x-api-key": "k", authorization: "Bearer SECRET-TOKEN" })).toMatchObject({ userDigest: (credentials as { userDigest: string }).userDigest });
    expect(check({ "x-api-key": "k", authorization: "Bearer OTHER" })).not.toMatchObject({ userDigest: (credentials as { userDigest: string }).userDigest });
  });

  it.each([
    [{}, "INVALID_AUTH_TYPE"],
    [{ "x-api-key": "  ", authorization: "Bearer t" }, "INVALID_AUTH_TYPE"],
    [{ "x-api-key": "k" }, "INVALID_AUTH_TYPE"],
    [{ "x-api-key": "k", authorization: "Basic dTpw" }, "INVALID_AUTH_TYPE"],
    [{ "x-api-key": "k", authorization: "BearerXYZ" }, "INVALID_AUTH_TYPE"],
    [{ "x-api-key": "k", authorization: "NotBearer t" }, "INVALID_AUTH_TYPE"],
    [{ "x-api-key": "k", authorization: ["Bearer a", "Bearer b"] }, "INVALID_AUTH_TYPE"],
    [{ "x-api-key": "k", authorization: "Bearer" }, "INVALID_AUTH_TOKEN"],
    [{ "x-api-key": "k", authorization: "Bearer    " }, "INVALID_AUTH_TOKEN"],
    [{ "x-api-key": "k", authorization: "Bearer expired-1" }, "INVALID_ACCESS_TOKEN"],
  ])("refuses %j with 401 %s", (headers, code) => {
    expect(check(headers)).toMatchObject({ status: 401, code });
  });

  it("takes a token starting with 'expired' as any other when expired tokens are off (the static mode)", () => {
    expect(check({ "x-api-key": "k", authorization: "Bearer expired-1" }, false)).toHaveProperty("userDigest");
  });
});

describe("quote", () => {
  it("quotes a value as JSON, cut at 60 characters (or as many as asked) with an ellipsis", () => {
    expect(quote('say "hi"')).toBe('"say \\"hi\\""');
    expect(quote("x".repeat(60))).toBe(`"${"x".repeat(60)}"`);
    expect(quote("x".repeat(61))).toBe(`"${"x".repeat(60)}…"`);
    expect(quote("abcdef", 3)).toBe('"abc…"');
  });
});
