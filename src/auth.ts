// The two credentials the API requires on every request: the security profile ID, sent as
// `x-api-key`, and the Login with Amazon access token, sent as `Authorization: Bearer`. The
// transport sets both on each request it sends (transport.ts).
import { AlbumsInputError } from "./errors.js";

/** A token, or a function that returns the current one; it is called for every request, so it may refresh. */
export type AccessToken = string | (() => string | Promise<string>);

export interface Credentials {
  apiKey: string;
  accessToken: AccessToken;
}

export function checkCredentials(credentials: Partial<Credentials> | undefined): Credentials {
  const { apiKey, accessToken } = credentials ?? {};
  const key = typeof apiKey === "string" ? headerValue(apiKey) : undefined;
  if (key === undefined) {
    throw new AlbumsInputError(
      typeof apiKey === "string" && apiKey.trim() !== ""
        ? `apiKey ${unsendable}`
        : "apiKey is required: your application's security profile ID (amzn1.application.…).",
    );
  }
  if (typeof accessToken === "function") return { apiKey: key, accessToken };
  const token = typeof accessToken === "string" ? headerValue(accessToken) : undefined;
  if (token === undefined) {
    throw new AlbumsInputError(
      typeof accessToken === "string" && accessToken.trim() !== ""
        ? `accessToken ${unsendable}`
        : "accessToken is required: a Login with Amazon access token, or a function that returns the current one.",
    );
  }
  return { apiKey: key, accessToken: token };
}

/** The token to send now: the string, or what the function returns (checked as the string is). */
export async function currentToken(accessToken: AccessToken): Promise<string> {
  const token = typeof accessToken === "function" ? await accessToken() : accessToken;
  const value = typeof token === "string" ? headerValue(token) : undefined;
  if (value === undefined) {
    throw new AlbumsInputError(
      typeof token === "string" && token.trim() !== ""
        ? `accessToken returned a token that ${unsendable}`
        : "accessToken returned no token: expected a non-empty string.",
    );
  }
  return value;
}

const unsendable = "cannot be sent in a header: it holds a line break, a NUL or a character beyond U+00FF.";

/**
 * The credential as fetch sends it, or undefined if it cannot be sent. fetch trims HTTP's
 * whitespace off a header value (so a key read from a file with its newline still works): the
 * credential is trimmed here too, so that what is sent and what errors must not show are the
 * same text.
 */
function headerValue(text: string): string | undefined {
  let start = 0;
  let end = text.length;
  while (start < end && isHttpWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isHttpWhitespace(text.charCodeAt(end - 1))) end--;
  if (start === end) return undefined;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x00 || code === 0x0a || code === 0x0d || code > 0xff) return undefined;
  }
  return text.slice(start, end);
}

const isHttpWhitespace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
