// The redirect policy. fetch, left to follow redirects, carries the request's headers to wherever
// a server points: undici drops only Authorization on the way to another origin, so x-api-key
// would go to any host, and from https to plain http in cleartext. So the client never lets fetch
// follow (every request it sends says redirect: "manual") and decides here instead: a redirect
// within the origin it called (same scheme, host and port) is followed, at most `maxRedirects` in
// a row, the method kept or turned into GET as fetch would; a redirect anywhere else is refused,
// and nothing is sent there.

/** How many redirects in a row are followed before the answer is refused as a loop. */
export const maxRedirects = 5;

const redirectStatuses: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export type Redirect = { follow: URL } | { refuse: string };

/** What to do with an answer to a request for `from`: undefined when it is to be read. */
export function redirectOf(response: Response, from: string): Redirect | undefined {
  if (response.type === "opaqueredirect") {
    // A browser answers redirect: "manual" with a redirect it hides from scripts, Location and all.
    return { refuse: "the answer is a redirect the browser does not let the client see; it is not followed, and nothing is sent to where it points." };
  }
  if (response.redirected) {
    // A fetch given by the caller that followed a redirect on its own, ignoring redirect: "manual".
    const reached = origin(response.url);
    if (reached !== origin(from)) {
      return {
        refuse:
          `the fetch given followed a redirect to ${reached} by itself, with the request's headers; ` +
          'the answer is not used. Give the client a fetch that sends the Request it is given as it is (redirect: "manual").',
      };
    }
  }
  if (!redirectStatuses.has(response.status)) return undefined;
  const location = response.headers.get("location");
  if (location === null) return undefined;
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    return { refuse: "the answer redirects to a Location that is not a URL." };
  }
  const source = new URL(from);
  if (target.origin === source.origin) return { follow: target };
  const where = source.protocol === "https:" && target.protocol === "http:" ? "plain http after https" : "another origin";
  return {
    refuse:
      `the answer redirects to ${origin(target.href)}, ${where}; ` +
      `the client follows redirects within ${source.origin} only, so that the API key and the token go nowhere else.`,
  };
}

/** A URL's origin, or its scheme when it has none (`data:`). */
function origin(url: string): string {
  const parsed = new URL(url);
  return parsed.origin === "null" ? parsed.protocol : parsed.origin;
}

/**
 * The method of the next hop, as fetch chooses it: a 303 turns any method but GET and HEAD into
 * GET, and a 301 or 302 turns a POST into GET; 307 and 308 keep the method.
 */
export function nextMethod(method: string, status: number): string {
  const toGet = (status === 303 && method !== "GET" && method !== "HEAD") || ((status === 301 || status === 302) && method === "POST");
  return toGet ? "GET" : method;
}
