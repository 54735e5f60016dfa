// Redaction meets outside text (what a server echoes, what a fetch throws) and the caller's
// credentials: fuzzed against the test's own reading of the rule, within a time bound per input.
// The rule: an occurrence of a credential is one when it is not joined to a letter or digit on a
// side where the credential itself begins or ends with one; from 12 characters on, every
// occurrence is.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzBudgetMs } from "../../support/budgets.ts";
import { checkCredentials, currentToken } from "../../../src/auth.ts";
import { AlbumsInputError } from "../../../src/errors.ts";
import { redact, redacted, redactHeaders, redactValue, secretsOf, shows } from "../../../src/redact.ts";
import { anyCodeUnit, hostileText, withinBudget, withinBudgetAsync } from "./support.ts";

const wordLike = /[\p{L}\p{M}\p{N}_]/u;
const isWord = (character: string | undefined) => character !== undefined && wordLike.test(character);

/** The character just before `index`, a whole surrogate pair when there is one. */
function before(text: string, index: number): string | undefined {
  if (index === 0) return undefined;
  const pair = index >= 2 ? text.slice(index - 2, index) : "";
  return /^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(pair) ? pair : text[index - 1];
}

/** The character at `index`, a whole surrogate pair when there is one. */
const after = (text: string, index: number) => (index >= text.length ? undefined : String.fromCodePoint(text.codePointAt(index) ?? 0));

/** The test's own reading of the rule: is the occurrence at `index` a credential? */
function isCredentialAt(text: string, secret: string, index: number): boolean {
  if (secret.length >= 12) return true;
  const joinedBefore = isWord(after(secret, 0)) && isWord(before(text, index));
  const joinedAfter = isWord(before(secret, secret.length)) && isWord(after(text, index + secret.length));
  return !joinedBefore && !joinedAfter;
}

function occurrences(text: string, secret: string): number[] {
  const found: number[] = [];
  for (let index = text.indexOf(secret); index !== -1; index = text.indexOf(secret, index + 1)) found.push(index);
  return found;
}

// Secrets of every length around the 12-character line, without the brackets of "[redacted]"
// (a secret made of the marker's own text could be rebuilt by it), and some that are words.
const secret = fc.oneof(
  fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 14 }),
  fc.string({ unit: anyCodeUnit, minLength: 1, maxLength: 14 }),
  fc.constantFrom("k", "t", "ab", "amzn1.application.0123", "Atza|IwEB-x/y+z=", "é", "😀"),
).filter((value) => !value.includes("[") && !value.includes("]"));

/**
 * Text that holds the secret here and there, joined to other text or standing alone, and runs of
 * it up to 30,000 characters long (where work per occurrence that grows with the text shows).
 */
const textAround = (value: string) =>
  fc
    .array(
      fc.oneof(
        hostileText(),
        fc.constant(value),
        fc.constantFrom(" ", "x", "1", "_", "-", "é", "😀", "\n"),
        fc
          .tuple(fc.constantFrom("", " ", "x", "-"), fc.integer({ min: 20, max: 30_000 }))
          .map(([between, length]) => (value + between).repeat(Math.ceil(length / (value.length + between.length)))),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(""));

describe("redact, fuzzed", { timeout: fuzzBudgetMs }, () => {
  it("leaves no occurrence that is a credential, and changes nothing else", () => {
    fc.assert(
      fc.property(secret.chain((value) => fc.tuple(fc.constant(value), textAround(value))), ([value, text]) => {
        const result = withinBudget(() => redact(text, [value]));
        // Rebuilt from the rule: each occurrence that is a credential (left to right, never overlapping) replaced.
        let expected = "";
        let copied = 0;
        for (const index of occurrences(text, value)) {
          if (index < copied || !isCredentialAt(text, value, index)) continue;
          expected += `${text.slice(copied, index)}[redacted]`;
          copied = index + value.length;
        }
        expect(result).toBe(expected + text.slice(copied));
      }),
      { numRuns: 400 },
    );
  });

  it("agrees with shows: a text shows a secret if and only if redacting it changes it", () => {
    fc.assert(
      fc.property(secret.chain((value) => fc.tuple(fc.constant(value), textAround(value))), ([value, text]) => {
        expect(withinBudget(() => shows(text, [value]))).toBe(redact(text, [value]) !== text);
      }),
      { numRuns: 300 },
    );
  });

  it("takes out the percent-encoded form as well, and a longer credential whole before a shorter one it holds", () => {
    // No blank in the credential: the blanks around it below keep every occurrence within one part.
    const long = fc.string({ unit: "grapheme-ascii", minLength: 12, maxLength: 40 }).filter((value) => !/[[\] ]/.test(value));
    fc.assert(
      fc.property(long, fc.integer({ min: 0, max: 6 }), hostileText(), (credential, from, text) => {
        const inner = credential.slice(from, from + 6);
        const secrets = secretsOf([inner, credential]);
        const echoed = `${text} ${credential} ${encodeURIComponent(credential)} ${text}`;
        const result = withinBudget(() => redact(echoed, secrets));
        // Each form of the long one is one marker, with nothing of it left around.
        const around = redact(text, secrets);
        expect(result).toBe(`${around} ${redacted} ${redacted} ${around}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe("redactValue and redactHeaders, fuzzed", { timeout: fuzzBudgetMs }, () => {
  /** The test's own copy: recursive, for the moderate depths fast-check makes. */
  const reference = (value: unknown, secrets: string[]): unknown => {
    if (typeof value === "string") return redact(value, secrets);
    if (Array.isArray(value)) return value.map((item) => reference(item, secrets));
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key, secrets), reference(item, secrets)]));
    }
    return value;
  };

  it("copies any JSON value with every string and key redacted, the rest as it was", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(secret, { minLength: 1, maxLength: 2 }), (value, secrets) => {
        const sorted = secretsOf(secrets);
        expect(withinBudget(() => redactValue(value, sorted))).toEqual(reference(value, sorted));
      }),
      { numRuns: 300 },
    );
  });

  // Twenty thousand levels are several times what a recursive walk survives (a few thousand).
  it("walks a body nested up to twenty thousand deep", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom("[", '{"a":'), (depth, opening) => {
        const closing = opening === "[" ? "]" : "}";
        const body = JSON.parse(`${opening.repeat(depth)}"k"${closing.repeat(depth)}`) as unknown;
        let copy = withinBudget(() => redactValue(body, ["k"]));
        for (let level = 0; level < depth; level++) copy = opening === "[" ? (copy as unknown[])[0] : (copy as { a: unknown }).a;
        expect(copy).toBe("[redacted]");
      }),
      { numRuns: 20 },
    );
  });

  it("reads any headers fetch can hold, the secret in their names and values", () => {
    // A name is made of token characters; a value, of bytes from a space on.
    const tokenCharacter = fc.constantFrom(..."abkt019!#$%&'*+.^_`|~-");
    const byte = fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code));
    const headers = fc.oneof(fc.string({ unit: tokenCharacter, minLength: 1, maxLength: 14 }), fc.constantFrom("k", "t", "amzn1.application.0123")).chain((one) => {
      const around = (unit: fc.Arbitrary<string>) => fc.array(fc.oneof(fc.string({ unit, maxLength: 8 }), fc.constant(one)), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(""));
      const names = around(tokenCharacter).filter((name) => name !== "");
      return fc.tuple(fc.constant(one), fc.dictionary(names, around(byte).map((text) => text.trim()), { maxKeys: 10 }));
    });
    fc.assert(
      fc.property(headers, ([one, record]) => {
        const given = new Headers(record);
        const plain = withinBudget(() => redactHeaders(given, [one]));
        expect(Object.keys(plain)).toHaveLength([...given.keys()].length);
        for (const [key, text] of given) expect(plain[redact(key, [one])]).toBe(redact(text, [one]));
      }),
      { numRuns: 300 },
    );
  });
});

describe("checkCredentials and currentToken, fuzzed", { timeout: fuzzBudgetMs }, () => {
  const credential = fc.oneof(hostileText(), fc.string({ unit: fc.constantFrom(" ", "\t", "\n", "\r", "\0", "a", "é", "€", "\u00a0"), maxLength: 8 }));

  /** What fetch sends as the header's value, or undefined when it sends none (empty) or refuses to. */
  function asFetchSends(value: string): string | undefined {
    try {
      return new Headers({ "x-test": value }).get("x-test") || undefined;
    } catch {
      return undefined;
    }
  }

  /** The credential a check takes, or undefined when it refuses it with AlbumsInputError (anything else fails the test). */
  async function taken(check: () => string | Promise<string>): Promise<string | undefined> {
    try {
      return await check();
    } catch (error) {
      expect(error).toBeInstanceOf(AlbumsInputError);
      return undefined;
    }
  }

  it("takes a key if and only if fetch can send it, and as fetch sends it", async () => {
    await fc.assert(
      fc.asyncProperty(credential, async (apiKey) => {
        expect(await taken(() => withinBudget(() => checkCredentials({ apiKey, accessToken: "t" })).apiKey)).toBe(asFetchSends(apiKey));
      }),
      { numRuns: 400 },
    );
  });

  it("takes a token, given or returned by the caller's function, if and only if fetch can send it, and as fetch sends it", async () => {
    await fc.assert(
      fc.asyncProperty(credential, async (accessToken) => {
        const expected = asFetchSends(accessToken);
        expect(await taken(() => withinBudget(() => checkCredentials({ apiKey: "k", accessToken })).accessToken as string)).toBe(expected);
        expect(await taken(() => withinBudgetAsync(() => currentToken(() => accessToken)))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
