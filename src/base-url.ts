// The base URL the client sends credentials to: absolute, and https unless it is this machine or
// a host the caller names in `allowHttpHosts` (a mock in another container, `http://mock:4010`).
import { AlbumsInputError } from "./errors.js";
import { show } from "./validate.js";

export function checkBaseUrl(baseUrl: string, production: string, allowHttpHosts: readonly string[] = []): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new AlbumsInputError(`baseUrl must be an absolute URL such as ${production}, not ${JSON.stringify(baseUrl)}.`);
  }
  const http = url.protocol === "http:";
  if (url.protocol === "https:" || (http && (isLoopback(url.hostname) || allowHttpHosts.includes(url.hostname)))) return url;
  throw new AlbumsInputError(
    `baseUrl ${JSON.stringify(baseUrl)} would send the API key and the token ${http ? "unencrypted" : `over ${url.protocol}`}: ` +
      "use https:, or http: only for a loopback host (localhost, 127.0.0.1, [::1]) or a host named in allowHttpHosts" +
      (http ? ` (allowHttpHosts: [${JSON.stringify(url.hostname)}]).` : "."),
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

/** `allowHttpHosts` as URL writes host names (lower case, IPv6 in brackets), each checked to be a host name and no more. */
export function checkHttpHosts(hosts: unknown): string[] {
  if (hosts === undefined) return [];
  if (!Array.isArray(hosts)) {
    throw new AlbumsInputError(`allowHttpHosts must be an array of host names, such as ["mock"], not ${show(hosts)}.`);
  }
  return hosts.map((host: unknown) => {
    const hostname = typeof host === "string" ? hostnameOf(host) : undefined;
    if (hostname === undefined) {
      throw new AlbumsInputError(`allowHttpHosts holds host names, such as "mock" or "192.168.1.10", not ${show(host)}.`);
    }
    return hostname;
  });
}

/** A domain name, IPv4 address or bracketed IPv6 address, as URL writes it: nothing else (no `*`). */
const plainHostname = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])$/;

/**
 * What a host name never holds: a delimiter of a URL's parts, a blank or a control character. URL
 * would read past some of them to a host ("@mock", "//mock") and drop tabs and line breaks
 * ("mo\tck"), which would make such an entry another name for a host it does not spell.
 */
const notInHostname = /[\p{Cc}\s/?#@\\]/u;

function hostnameOf(host: string): string | undefined {
  if (notInHostname.test(host)) return undefined;
  // An IPv6 address may come without its brackets; anything else with a colon holds a port or a scheme.
  const bracketed = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  let url: URL;
  try {
    url = new URL(`http://${bracketed}/`);
  } catch {
    return undefined;
  }
  // A path, a query, a fragment or credentials written into the entry make URL parse it to another host, or to more than one.
  return url.href === `http://${url.hostname}/` && plainHostname.test(url.hostname) ? url.hostname : undefined;
}
