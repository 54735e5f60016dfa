// Sends both credentials the API requires on every request: the security profile ID as
// `x-api-key`, and the Login with Amazon access token as `Authorization: Bearer`.
import type { Middleware } from "openapi-fetch";
import { AlbumsInputError } from "./errors.js";

/** A token, or a function that returns the current one; it is called for every request, so it may refresh. */
export type AccessToken = string | (() => string | Promise<string>);

export interface Credentials {
  apiKey: string;
  accessToken: AccessToken;
}

export function checkCredentials(credentials: Partial<Credentials> | undefined): Credentials {
  const { apiKey, accessToken } = credentials ?? {};
  if (typeof apiKey !== "string" || apiKey.trim() === "") {
    throw new AlbumsInputError("apiKey is required: your application's security profile ID (amzn1.application.…).");
  }
  const isToken = typeof accessToken === "string" ? accessToken.trim() !== "" : typeof accessToken === "function";
  if (!isToken) {
    throw new AlbumsInputError(
      "accessToken is required: a Login with Amazon access token, or a function that returns the current one.",
    );
  }
  return { apiKey, accessToken: accessToken as AccessToken };
}

export async function currentToken(accessToken: AccessToken): Promise<string> {
  const token = typeof accessToken === "function" ? await accessToken() : accessToken;
  if (typeof token !== "string" || token.trim() === "") {
    throw new AlbumsInputError("accessToken returned no token: expected a non-empty string.");
  }
  return token;
}

export function authMiddleware(credentials: Credentials): Middleware {
  return {
    async onRequest({ request }) {
      request.headers.set("x-api-key", credentials.apiKey);
      request.headers.set("authorization", `Bearer ${await currentToken(credentials.accessToken)}`);
      return request;
    },
  };
}
