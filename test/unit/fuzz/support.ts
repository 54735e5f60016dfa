// What the fuzz tests share: text as outside input comes, and a time bound on each input.
import fc from "fast-check";
import { expect } from "vitest";
import { fuzzInputBudgetMs } from "../../support/budgets.ts";

/** Runs `parse` once and fails if it took longer than the budget: on these inputs only super-linear work can. */
export function withinBudget<T>(parse: () => T): T {
  const started = performance.now();
  const result = parse();
  const took = performance.now() - started;
  expect(took, `one input took ${Math.round(took)} ms`).toBeLessThan(fuzzInputBudgetMs);
  return result;
}

/** The same for work that awaits: the time from the call to its end. */
export async function withinBudgetAsync<T>(parse: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await parse();
  const took = performance.now() - started;
  expect(took, `one input took ${Math.round(took)} ms`).toBeLessThan(fuzzInputBudgetMs);
  return result;
}

/** Any UTF-16 code unit, lone surrogates included: what a JSON `\uD800` escape or a broken server can send. */
export const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/**
 * Text as outside input comes: short strings of any code units or of printable ASCII, and long
 * runs of a short piece repeated (up to 60,000 characters), which is what makes a backtracking
 * pattern or a quadratic loop show.
 */
export function hostileText(alphabet: fc.Arbitrary<string> = anyCodeUnit): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: alphabet, maxLength: 80 }),
    fc.string({ unit: "grapheme-ascii", maxLength: 80 }),
    fc
      .tuple(fc.string({ unit: alphabet, maxLength: 3 }), fc.string({ unit: alphabet, minLength: 1, maxLength: 6 }), fc.integer({ min: 20, max: 10_000 }), fc.string({ unit: alphabet, maxLength: 6 }))
      .map(([head, piece, times, tail]) => head + piece.repeat(times) + tail),
  );
}

/**
 * URL-like text: a scheme, a host (a domain, an IP address, or one of `hosts`), maybe a port, then
 * a path, query or fragment of hostile text. (fc.webUrl would do, but building it takes seconds,
 * enough to time a test out on a busy machine.)
 */
export function urlText(hosts: readonly string[] = []): fc.Arbitrary<string> {
  const host = fc.oneof(fc.domain(), fc.ipV4(), fc.ipV6().map((address) => `[${address}]`), ...(hosts.length > 0 ? [fc.constantFrom(...hosts)] : []));
  const rest = fc.oneof(fc.constant(""), hostileText(fc.constantFrom("a", "/", "?", "#", "%", ".", ":", "@", "\\")));
  return fc
    .tuple(fc.constantFrom("http", "https", "HTTPS", "ftp", "ws", "file", "data"), host, fc.option(fc.nat({ max: 70_000 })), rest)
    .map(([scheme, name, port, tail]) => `${scheme}://${name}${port === null ? "" : `:${port}`}${tail === "" || /^[/?#]/.test(tail) ? tail : `/${tail}`}`);
}
