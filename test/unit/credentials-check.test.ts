// The credentials' checks (src/auth.ts) input by input: trimmed of the whitespace fetch trims from
// a header, refused when fetch could not send them, and each refusal saying which problem it is.
import { describe, expect, it } from "vitest";
import { checkCredentials, currentToken } from "../../src/auth.ts";
import { AlbumsInputError } from "../../src/errors.ts";

const unsendable = "cannot be sent in a header: it holds a line break, a NUL or a character beyond U+00FF.";

describe("checkCredentials", () => {
  it.each([
    ["key", "key"],
    [" key", "key"],
    ["key ", "key"],
    ["\t\r\n key \n\r\t", "key"],
    ["a b", "a b"],
    ["a\tb", "a\tb"],
    ["k\u00ff", "k\u00ff"],
    ["\u0001k\u007f", "\u0001k\u007f"],
  ])("sends %j as %j", (given, sent) => {
    expect(checkCredentials({ apiKey: given, accessToken: given })).toEqual({ apiKey: sent, accessToken: sent });
  });

  it.each(["a\nb", "a\rb", "a\u0000b", "\u0000", "a\u0100", "\u20ac", "😀"])("refuses %j, which fetch cannot send, saying so", (credential) => {
    expect(() => checkCredentials({ apiKey: credential, accessToken: "token" })).toThrow(new AlbumsInputError(`apiKey ${unsendable}`));
    expect(() => checkCredentials({ apiKey: "key", accessToken: credential })).toThrow(new AlbumsInputError(`accessToken ${unsendable}`));
  });

  it.each([undefined, "", " ", "\t\r\n", 5])("refuses %j as missing", (credential) => {
    expect(() => checkCredentials({ apiKey: credential as string, accessToken: "token" })).toThrow(
      new AlbumsInputError("apiKey is required: your application's security profile ID (amzn1.application.…)."),
    );
    expect(() => checkCredentials({ apiKey: "key", accessToken: credential as string })).toThrow(
      new AlbumsInputError("accessToken is required: a Login with Amazon access token, or a function that returns the current one."),
    );
  });

  it("keeps a token function as it is, to be called for every request", () => {
    const token = () => "fresh";
    expect(checkCredentials({ apiKey: "key", accessToken: token }).accessToken).toBe(token);
  });
});

describe("currentToken", () => {
  it("gives a string token trimmed, and what a function returns, sync or async, trimmed", async () => {
    expect(await currentToken(" token\n")).toBe("token");
    expect(await currentToken(() => " fresh ")).toBe("fresh");
    expect(await currentToken(async () => "later\n")).toBe("later");
  });

  it("refuses what a function returns that fetch cannot send, or no token", async () => {
    await expect(currentToken(() => "a\nb")).rejects.toThrow(new AlbumsInputError(`accessToken returned a token that ${unsendable}`));
    await expect(currentToken(() => " \n")).rejects.toThrow(new AlbumsInputError("accessToken returned no token: expected a non-empty string."));
    await expect(currentToken(() => undefined as unknown as string)).rejects.toThrow(new AlbumsInputError("accessToken returned no token: expected a non-empty string."));
  });
});
