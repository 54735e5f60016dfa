// The checks of what a caller gives (IDs, limits, cursors, which a caller often takes from
// elsewhere: a page token, a user's query) and the query serializer: fuzzed against the test's
// own reading of the description's rules, within a time bound per input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzBudgetMs } from "../../support/budgets.ts";
import { checkBaseUrl, checkHttpHosts } from "../../../src/base-url.ts";
import { AlbumsInputError } from "../../../src/errors.ts";
import { serializeQuery } from "../../../src/query.ts";
import { checkAlbumId, checkAlbumIds, checkCursor, checkLimit, isWellFormed, show } from "../../../src/validate.ts";
import { anyCodeUnit, hostileText, urlText, withinBudget } from "./support.ts";

/** What a check gives back, or the AlbumsInputError it throws (anything else fails the test). */
function outcome<T>(check: () => T): { value: T } | { refused: string } {
  try {
    return { value: withinBudget(check) };
  } catch (error) {
    expect(error).toBeInstanceOf(AlbumsInputError);
    return { refused: (error as Error).message };
  }
}

const encodes = (text: string) => {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
};

const validId = fc.stringMatching(/^[A-Z0-9]{10}$/);
const anything = fc.oneof(hostileText(), hostileText(fc.constantFrom("A", "Z", "0", "9", "a", "-", ",")), fc.anything());

describe("the input checks, fuzzed", { timeout: fuzzBudgetMs }, () => {
  it("take an album ID if and only if it is 10 upper-case letters or digits", () => {
    fc.assert(
      fc.property(fc.oneof(anything, validId, fc.tuple(validId, hostileText(), fc.boolean()).map(([id, more, before]) => (before ? more + id : id + more))), (id) => {
        const result = outcome(() => checkAlbumId("getAlbum", id));
        expect("value" in result).toBe(typeof id === "string" && /^[A-Z0-9]{10}$/.test(id));
      }),
      { numRuns: 400 },
    );
  });

  it("take a list of IDs if and only if it is a non-empty array of such IDs", () => {
    const id = fc.oneof(validId, anything);
    fc.assert(
      fc.property(fc.oneof(fc.array(id, { maxLength: 300 }), anything), (ids) => {
        const result = outcome(() => checkAlbumIds("getAlbums", ids));
        const valid = Array.isArray(ids) && ids.length > 0 && ids.every((item) => typeof item === "string" && /^[A-Z0-9]{10}$/.test(item));
        expect("value" in result).toBe(valid);
      }),
      { numRuns: 300 },
    );
  });

  it("take a limit if and only if it is a whole number from 1 to 100", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -200, max: 300 }), fc.double(), anything), (limit) => {
        const result = outcome(() => checkLimit("getLibraryAlbums", limit));
        expect("value" in result).toBe(limit === undefined || (Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= 100));
      }),
      { numRuns: 300 },
    );
  });

  it("take a cursor if and only if it is non-empty text that can be written into a URL", () => {
    fc.assert(
      fc.property(fc.oneof(anything, hostileText(fc.constantFrom("\uD800", "\uDC00", "a", "😀"))), (cursor) => {
        const result = outcome(() => checkCursor("getLibraryAlbums", cursor));
        expect("value" in result).toBe(cursor === undefined || (typeof cursor === "string" && cursor !== "" && encodes(cursor)));
      }),
      { numRuns: 400 },
    );
  });

  it("say what they were given in a short, printable form, whatever it was", () => {
    fc.assert(
      fc.property(anything, (value) => {
        const shown = withinBudget(() => show(value));
        // At most 40 characters of a string, each escaped into at most 6.
        expect(shown.length).toBeLessThanOrEqual(40 * 6 + 3);
        expect(isWellFormed(shown)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("tell well-formed text as encodeURIComponent does", () => {
    fc.assert(
      fc.property(hostileText(fc.oneof(anyCodeUnit, fc.constantFrom("\uD800", "\uDBFF", "\uDC00", "\uDFFF", "😀"))), (text) => {
        expect(withinBudget(() => isWellFormed(text))).toBe(encodes(text));
      }),
      { numRuns: 400 },
    );
  });
});

describe("the base URL and allowHttpHosts, fuzzed", { timeout: fuzzBudgetMs }, () => {
  it("take a base URL if and only if it is absolute, and https, or plain http to loopback or a named host", () => {
    const hosts = ["mock", "MOCK", "x", "192.168.1.10", "localhost", "api.localhost", "127.0.0.1", "127.9.8.7", "[::1]", "[::2]", "128.0.0.1", "localhost.example", "notlocalhost"];
    const url = fc.oneof(
      urlText(hosts),
      hostileText(),
      // The hosts whose cases matter, with the two schemes that do.
      fc.tuple(fc.constantFrom("http", "https", "HTTP"), fc.constantFrom(...hosts), fc.constantFrom("", ":4010", "/v1", ":80/v1/")).map(([scheme, host, rest]) => `${scheme}://${host}${rest}`),
    );
    /** The test's own reading: parsed as URL parses it, then the scheme and host. */
    const allows = (baseUrl: string, allowed: readonly string[]) => {
      if (!URL.canParse(baseUrl)) return false;
      const { protocol, hostname } = new URL(baseUrl);
      const loopback = /^(?:localhost|.*\.localhost|\[::1\]|127\.\d+\.\d+\.\d+)$/.test(hostname);
      return protocol === "https:" || (protocol === "http:" && (loopback || allowed.includes(hostname)));
    };
    fc.assert(
      fc.property(url, fc.array(fc.constantFrom("mock", "x", "192.168.1.10"), { maxLength: 2 }), (baseUrl, allowed) => {
        const result = outcome(() => checkBaseUrl(baseUrl, "https://api.music.amazon.dev/v1", allowed));
        expect("value" in result).toBe(allows(baseUrl, allowed));
        if ("value" in result) expect(result.value.href).toBe(new URL(baseUrl).href);
      }),
      { numRuns: 300 },
    );
  });

  it("take any domain name or IP address, as URL writes it", () => {
    fc.assert(
      fc.property(fc.oneof(fc.domain(), fc.ipV4(), fc.ipV6()), fc.boolean(), (host, upper) => {
        const given = upper ? host.toUpperCase() : host;
        const written = new URL(`http://${host.includes(":") ? `[${host}]` : host}/`).hostname;
        expect(outcome(() => checkHttpHosts([given]))).toEqual({ value: [written] });
      }),
      { numRuns: 300 },
    );
  });

  it("take a host name and nothing more: no path, port, user, wildcard or other host hidden in the entry", () => {
    fc.assert(
      fc.property(hostileText(fc.constantFrom("a", ".", ":", "/", "@", "[", "]", "*", "1", "%", "?", "#", "\\", " ", "\t", "\n")), (host) => {
        const result = outcome(() => checkHttpHosts([host]));
        if ("value" in result) {
          const [hostname = ""] = result.value;
          // Letters, digits, dots and hyphens, or an IPv6 address in brackets: what URL writes a host as.
          expect(hostname).toMatch(/^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])$/);
          expect(new URL(`http://${hostname}/`).hostname).toBe(hostname);
          // Nothing URL would read past or drop: a path, a query, a fragment, a user, a blank.
          expect(host).not.toMatch(/[\s/?#@\\]/);
        } else {
          expect(result.refused).toMatch(/^allowHttpHosts holds host names/);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("serializeQuery, fuzzed", { timeout: fuzzBudgetMs }, () => {
  it("writes any well-formed values so that a URL reads them back as they were, commas literal", () => {
    const text = fc.oneof(hostileText(), hostileText(fc.constantFrom(",", "%", "2", "C", "+", "&", "=", " ", "a"))).filter(isWellFormed);
    const commas = (value: string) => value.split(",").length - 1;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("ids", "limit", "cursor", "x y", "a&b", "é"), fc.oneof(text, fc.integer())), (query) => {
        const written = withinBudget(() => serializeQuery(query));
        const read = new URLSearchParams(written);
        expect([...read.entries()]).toEqual(Object.entries(query).map(([name, value]) => [name, String(value)]));
        // Every comma of the values is written as it is (never %2C), and the serializer adds none.
        expect(commas(written)).toBe(Object.values(query).reduce<number>((sum, value) => sum + commas(String(value)), 0));
      }),
      { numRuns: 300 },
    );
  });
});
