// Retry-After comes from the server: any text at all, within a time bound per input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzBudgetMs } from "../../support/budgets.ts";
import { parseRetryAfter } from "../../../src/retry-after.ts";
import { hostileText, withinBudget } from "./support.ts";

const now = Date.parse("2026-11-24T18:30:00Z");
const days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

describe("parseRetryAfter, fuzzed", { timeout: fuzzBudgetMs }, () => {
  it("reads any text as a whole number of milliseconds from 0 to Number.MAX_SAFE_INTEGER, or as nothing", () => {
    const text = fc.oneof(
      hostileText(),
      hostileText(fc.constantFrom("1", "9", "0", " ", "\t", "M", "o", "n", ",")),
      // Delay-seconds of any length: past 9,007,199,254,740 seconds, milliseconds no number holds exactly.
      hostileText(fc.constantFrom("1", "9", "0")).map((digits) => ` ${digits}9`),
      fc.constantFrom(...days).chain((day) => hostileText().map((rest) => day + rest)),
    );
    fc.assert(
      fc.property(text, (value) => {
        const waited = withinBudget(() => parseRetryAfter(value, now));
        if (waited === undefined) return;
        expect(Number.isSafeInteger(waited) && waited >= 0).toBe(true);
        // Only delay-seconds or an HTTP date (which begins with a day name) is read.
        expect(/^\d+$/.test(value.trim()) || days.some((day) => value.trim().startsWith(day))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("reads delay-seconds, however many digits and blanks around them, exactly", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 400n }), fc.string({ unit: fc.constantFrom(" ", "\t"), maxLength: 5 }), (seconds, blanks) => {
        const expected = Number(seconds) * 1000 > Number.MAX_SAFE_INTEGER ? Number.MAX_SAFE_INTEGER : Number(seconds) * 1000;
        expect(withinBudget(() => parseRetryAfter(`${blanks}${seconds}${blanks}`, now))).toBe(expected);
      }),
    );
  });

  it("reads an HTTP date as the time until it, and a past one as 0", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }), (date) => {
        const whole = Math.floor(date.getTime() / 1000) * 1000;
        expect(withinBudget(() => parseRetryAfter(date.toUTCString(), now))).toBe(Math.max(0, whole - now));
      }),
    );
  });
});
