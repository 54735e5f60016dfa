// The two credentials every request of the API needs, checked as Amazon documents: a missing
// `x-api-key` or bearer token is INVALID_AUTH_TYPE, an empty token INVALID_AUTH_TOKEN. Any
// values are accepted otherwise; in the realistic mode a token starting with `expired` stands
// for an expired one (INVALID_ACCESS_TOKEN), so that clients can try their refresh logic.
import { sha256Hex } from "./hash.ts";
import { MockError } from "./envelope.ts";

export interface Credentials {
  /** Digests, never the values: they key the mock's state, and secrets must not sit in it. */
  apiKeyDigest: string;
  userDigest: string;
  /** The user's ID as the API gives it (lower-case letters and digits). */
  userId: string;
}

const unauthorized = (code: string, message: string) => new MockError(401, code, message);

export function checkCredentials(headers: Record<string, string | string[] | undefined>, options: { expiredTokens: boolean }): Credentials {
  const apiKey = headers["x-api-key"];
  if (typeof apiKey !== "string" || apiKey.trim() === "") {
    throw unauthorized("INVALID_AUTH_TYPE", "The x-api-key header is missing: send your security profile ID in it.");
  }
  const authorization = headers.authorization;
  // The scheme's name is case-insensitive (RFC 9110, section 11.1): `bearer x` is a bearer token too.
  if (typeof authorization !== "string" || authorization.slice(0, 6).toLowerCase() !== "bearer" || !(authorization.length === 6 || authorization[6] === " ")) {
    throw unauthorized("INVALID_AUTH_TYPE", "The request has no bearer token: send Authorization: Bearer <access token>.");
  }
  const token = authorization.slice("Bearer".length).trim();
  if (token === "") throw unauthorized("INVALID_AUTH_TOKEN", "The bearer token is empty.");
  if (options.expiredTokens && token.startsWith("expired")) {
    throw unauthorized("INVALID_ACCESS_TOKEN", "The access token has expired: refresh it and try again.");
  }
  const userDigest = userDigestOf(token);
  return { apiKeyDigest: digest(`key:${apiKey}`), userDigest, userId: userIdOf(userDigest) };
}

/** The digest that stands for the user whose bearer token this is: the mock keys their library by it. */
export function userDigestOf(token: string): string {
  return digest(`user:${token}`);
}

/** The user's ID as the API gives it (`data.user.id`): the start of the token's digest. */
export function userIdOf(userDigest: string): string {
  return userDigest.slice(0, 26);
}

function digest(text: string): string {
  return sha256Hex(text);
}
