// What `npm start` prints: its banner, the catalog listing and why it could not listen, as text
// that cli.ts prints, so that tests can read it in-process.
import { hostname } from "node:os";
import type { Catalog } from "../core/catalog.ts";
import type { CliOptions } from "./cli-options.ts";

/**
 * Where other machines reach a mock listening on every interface (--host 0.0.0.0 or ::), whose
 * curl lines show this machine's loopback address: empty otherwise.
 */
export function everyInterface(url: string, host: string, machine: string = hostname()): string {
  if (host !== "0.0.0.0" && host !== "::") return "";
  const port = new URL(url).port;
  return `Listening on every interface (--host ${host}): from another machine or a container, use http://${machine}:${port}
(or this machine's address there; a client allows plain http to such a host only when told to).
`;
}

/** The banner once the mock serves `url`; `catalog` is the realistic mode's, undefined in the static mode. */
export function banner(url: string, options: CliOptions, catalog: Catalog | undefined): string {
  const curl = `curl -H 'x-api-key: amzn1.application.example' -H 'Authorization: Bearer my-user'`;
  const elsewhere = everyInterface(url, options.host);
  if (!catalog) {
    return `
Amazon Music Albums v1 mock (static: the description's examples${options.dynamic ? ", generated" : ""}): ${url}
${elsewhere}Every request needs both credentials (any values). Try:

  ${curl} ${url}/albums/B0064UPU4G

Send 'Prefer: code=404', 'Prefer: example=secondPage' or 'Prefer: dynamic=true' to choose a response. Ctrl-C stops it.
`;
  }
  const albums = catalog.all();
  const named = albums.slice(0, 5).map((album) => `${album.id} (${album.title})`);
  const { rateLimit } = options.provider;
  return `
Amazon Music Albums v1 mock: ${url}
${elsewhere}Each bearer token is a user with a library of its own, kept in memory: it resets when the mock
stops, and past ${options.provider.maxUsers} users the least recently seen one's is forgotten (--max-users),
with a line in the log. Any credential values will do, but both must be there. Try:

  ${curl} ${url}/albums/B0064UPU4G
  ${curl} -X PUT ${url}/me/library/albums/B00D3PLC1K
  ${curl} ${url}/me/library/albums

${rateLimit ? `An API key may send ${rateLimit.perSecond} requests a second, in bursts of ${rateLimit.capacity}; past that, 429 (--rate-limit).` : "No rate limit (--rate-limit 0)."}
Albums: ${named.join(", ")}, and ${albums.length - named.length} more
(${options.command} --list-albums prints them all; --albums <n> --seed <n> makes another catalog).
Other answers on demand: 'Prefer: code=404', 'Prefer: example=secondPage', 'Prefer: dynamic=true'.
${options.quiet ? "" : "One line per request follows (--quiet for none). "}Ctrl-C stops it.
`;
}

/** The banner of --proxy. */
export function proxyBanner(url: string, upstream: string, options: CliOptions): string {
  return `
Amazon Music Albums v1 validating proxy: ${url} -> ${upstream}
${everyInterface(url, options.host)}Every request goes to ${upstream} unchanged, credentials included, and its answer comes back
unchanged. Each way a request or an answer breaks the description is logged ("drift"); each way
a valid answer departs from the shapes seen so far, as a note.${options.report ? `\nFindings are kept, grouped and without credentials or personal values, in ${options.report}
(npm run drift-report -- ${options.report} prints them: send it to this project to improve the description).` : ""}
Point your client's base URL at ${url}. Ctrl-C stops it.
`;
}

/** --list-albums: a line per album, its ID and title separated by a tab. */
export function albumList(catalog: Catalog): string {
  return catalog
    .all()
    .map((album) => `${album.id}\t${album.title}`)
    .join("\n");
}

/** Why the mock could not listen, and what to do about it. */
export function listenFailure(error: NodeJS.ErrnoException, host: string, port: number): string {
  return error.code === "EADDRINUSE" ? `port ${port} is in use: pass --port or set PORT` : `cannot listen on ${host}:${port}: ${error.message}`;
}
