// Every parser of the mock that reads outside input (the Prefer header, page tokens, the query's
// `ids`, the credentials, the request's path), fed by fast-check with strings of every shape,
// the hostile ones first: long runs of one character with a rejecting tail, the inputs that make
// a backtracking regular expression take seconds. Each call has a time bound: generous enough for
// a machine at a load of 12, so that only super-linear work (a `Prefer: a=<1,500 spaces>x"y`
// took 4.8 s) fails it. Each parser must also answer with a value or the mock's own refusal,
// never anything else.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCredentials } from "../../mock/core/credentials.ts";
import { MockError } from "../../mock/core/envelope.ts";
import { BadCursorError, Libraries } from "../../mock/core/library.ts";
import { parsePrefer } from "../../mock/core/prefer.ts";
import { createRouter } from "../../mock/core/routes.ts";
import { ajvValidation } from "../../mock/core/compile.ts";
import { fuzzBudgetMs } from "../support/budgets.ts";
import { bundlePath } from "../support/mock.ts";

/** The most one call may take. A linear parse of these inputs takes microseconds; a super-linear one, seconds. */
const boundMs = 1_000;

/** Runs `parse` on the input; fails when it takes longer than the bound, or throws what `refusal` does not accept. */
function bounded(parse: () => unknown, refusal: (error: unknown) => boolean): void {
  const started = performance.now();
  try {
    parse();
  } catch (error) {
    if (!refusal(error)) throw error;
  }
  const took = performance.now() - started;
  if (took > boundMs) throw new Error(`took ${took.toFixed(0)} ms`);
}

/** Strings an attacker would try: a long run of one character (or a few) between a prefix and a rejecting suffix. */
const hostile = (alphabet: string[]) =>
  fc
    .tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...alphabet), fc.integer({ min: 1_000, max: 20_000 }), fc.string({ maxLength: 20 }))
    .map(([prefix, character, count, suffix]) => prefix + character.repeat(count) + suffix);
const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "grapheme", maxLength: 300 }), hostile([" ", "\t", "a", "=", '"', ",", ";", "/", "{", "%", "0", "A"]));
const runs = { numRuns: 300 };

const document = JSON.parse(readFileSync(bundlePath, "utf8")) as object;
const isMockError = (error: unknown) => error instanceof MockError;

describe("the mock's parsers of outside input, fuzzed, each call under a second", { timeout: fuzzBudgetMs }, () => {
  it("the Prefer header", () => {
    // The finding, exactly: a lazy value between quotes and spaces backtracked on every split.
    bounded(() => parsePrefer(`a=${" ".repeat(1_500)}x"y`), isMockError);
    bounded(() => parsePrefer(`code=${" ".repeat(20_000)}x`), isMockError);
    fc.assert(fc.property(fc.oneof(anyText, fc.array(anyText, { maxLength: 3 })), (header) => bounded(() => parsePrefer(header), isMockError)), runs);
  });

  it("page tokens", () => {
    const libraries = new Libraries(10);
    fc.assert(fc.property(fc.oneof(anyText, fc.string({ maxLength: 60 }).map((text) => `tztok-v2_${text}`)), (cursor) => bounded(() => libraries.page("u", 10, cursor), (error) => error instanceof BadCursorError)), runs);
  });

  it("the query's ids, and the other parameters, through the validators", () => {
    const validation = ajvValidation(document);
    fc.assert(
      fc.property(anyText, anyText, (ids, limit) => {
        bounded(() => expect(Array.isArray(validation.request("getAlbums", { path: {}, query: { ids } }))).toBe(true), () => false);
        bounded(() => expect(Array.isArray(validation.request("getLibraryAlbums", { path: {}, query: { limit, cursor: ids } }))).toBe(true), () => false);
      }),
      runs,
    );
  });

  it("the credentials", () => {
    fc.assert(
      fc.property(anyText, anyText, (apiKey, authorization) =>
        bounded(() => checkCredentials({ "x-api-key": apiKey, authorization }, { expiredTokens: true }), isMockError),
      ),
      runs,
    );
  });

  it("the request's path", () => {
    const router = createRouter(document as never);
    fc.assert(fc.property(fc.constantFrom("GET", "PUT", "DELETE", "POST"), anyText, (method, path) => bounded(() => router.find(method, `/${path}`), isMockError)), runs);
  });
});
