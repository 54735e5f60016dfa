// The base URL the client sends credentials to: absolute, and https unless it is this machine.
import { AlbumsInputError } from "./errors.js";

export function checkBaseUrl(baseUrl: string, production: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new AlbumsInputError(`baseUrl must be an absolute URL such as ${production}, not ${JSON.stringify(baseUrl)}.`);
  }
  if (url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url.hostname))) return url;
  throw new AlbumsInputError(
    `baseUrl ${JSON.stringify(baseUrl)} would send the API key and the token ${url.protocol === "http:" ? "unencrypted" : `over ${url.protocol}`}: ` +
      "use https:, or http: only for a loopback host (localhost, 127.0.0.1, [::1]).",
  );
}

export function isLoopback(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    hostname === "[::1]" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}
