// `npm start`: the mock of the Albums API on http://127.0.0.1:4010, in this one process.
// See `npm start -- --help`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../scripts/redocly.ts";
import { createCatalog } from "./catalog.ts";
import { ensureFreshBundle } from "./fresh-bundle.ts";
import { createMockServer, type MockServer } from "./server.ts";
import { defaultProviderOptions, defaultRateLimit } from "./provider.ts";
import { watchParent } from "./parent-watch.ts";

const usage = `Usage: npm start -- [options]

Serves a mock of the Amazon Music Web API Albums v1 operations, checked against the description
(generated/openapi.json, rebuilt first when openapi/ changed).

  --port <n>        Port to listen on (default 4010, or $PORT).
  --host <name>     Address to listen on (default 127.0.0.1).
  --static          Answer from the description's examples only (Prism's example mode): no state.
  --dynamic         Like --static, with generated data for every response.
  --albums <n>      Albums to generate for the catalog, beyond the examples' (default ${defaultProviderOptions.generatedAlbums}).
  --seed <n>        Seed of the generated catalog (default ${defaultProviderOptions.seed}).
  --rate-limit <n>  Requests a second per API key, in bursts of up to twice that (default ${defaultRateLimit.perSecond}; 0: none).
  --list-albums     Print the catalog's album IDs and titles, and exit.
  --quiet           No line per request; only the banner and errors.
  --help            This text.

Without --static, the mock behaves like the API: each bearer token is a user with a library of
its own, kept in memory until the mock stops; unknown album IDs get 404; an API key sending too
much gets 429 with Retry-After. Any request may choose another answer with a Prefer header:
'Prefer: code=404', 'Prefer: example=secondPage', 'Prefer: dynamic=true'.`;

// From the very start, so that a signal or the death of npm during start-up ends it too.
let mock: MockServer | undefined;
let stopping = false;
const stop = (code: number) => {
  if (stopping || !mock) process.exit(code);
  stopping = true;
  void mock.close().then(() => process.exit(code));
};
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
// npm (or whatever started the mock) was killed outright: nobody is left to stop it.
watchParent(() => stop(0));

let values: ReturnType<typeof parse>["values"];
try {
  ({ values } = parse());
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const port = wholeNumber("--port", values.port, 0, 65535);
const perSecond = wholeNumber("--rate-limit", values["rate-limit"], 0, 1_000_000);
const provider = {
  generatedAlbums: wholeNumber("--albums", values.albums, 0, 1_000_000),
  seed: wholeNumber("--seed", values.seed, 0, 2 ** 32 - 1),
  rateLimit: perSecond === 0 ? undefined : { ...defaultRateLimit, perSecond, capacity: 2 * perSecond },
};
const staticMode = values.static || values.dynamic;

await ensureFreshBundle();
const document = JSON.parse(readFileSync(join(projectRoot, "generated", "openapi.json"), "utf8")) as object;
if (values["list-albums"]) {
  for (const album of createCatalog({ document, ...provider, generated: provider.generatedAlbums }).all()) console.log(`${album.id}\t${album.title}`);
  process.exit(0);
}
mock = await createMockServer({
  document,
  mode: staticMode ? "static" : "realistic",
  dynamic: values.dynamic,
  provider,
  ...(values.quiet ? {} : { log: (line: string) => console.log(line) }),
});

let url: string;
try {
  url = await mock.listen(port, values.host);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === "EADDRINUSE"
      ? `port ${port} is in use: pass --port or set PORT`
      : `cannot listen on ${values.host}:${port}: ${(error as Error).message}`,
  );
  process.exit(1);
}
console.log(banner(url, mock));
// Prism's mocker, needed by the first Prefer request, loads once the mock has answered its
// first request (or after a second), so that it delays neither the start nor that request.
const preload = () => void mock?.preload();
mock.server.once("request", (_, response) => response.once("finish", () => setImmediate(preload)));
setTimeout(preload, 1000).unref();

function parse() {
  return parseArgs({
    options: {
      port: { type: "string", default: process.env.PORT ?? "4010" },
      host: { type: "string", default: "127.0.0.1" },
      static: { type: "boolean", default: false },
      dynamic: { type: "boolean", default: false },
      albums: { type: "string", default: String(defaultProviderOptions.generatedAlbums) },
      seed: { type: "string", default: String(defaultProviderOptions.seed) },
      "rate-limit": { type: "string", default: String(defaultRateLimit.perSecond) },
      "list-albums": { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
}

function wholeNumber(name: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    console.error(`${name} must be a whole number from ${min} to ${max}, not "${value}".`);
    process.exit(2);
  }
  return number;
}

function banner(url: string, server: MockServer): string {
  const curl = `curl -H 'x-api-key: amzn1.application.example' -H 'Authorization: Bearer my-user'`;
  if (!server.provider) {
    return `
Amazon Music Albums v1 mock (static: the description's examples${values.dynamic ? ", generated" : ""}): ${url}
Every request needs both credentials (any values). Try:

  ${curl} ${url}/albums/B0064UPU4G

Send 'Prefer: code=404', 'Prefer: example=secondPage' or 'Prefer: dynamic=true' to choose a response. Ctrl-C stops it.
`;
  }
  const albums = server.provider.catalog.all();
  const named = albums.slice(0, 5).map((album) => `${album.id} (${album.title})`);
  return `
Amazon Music Albums v1 mock: ${url}
Each bearer token is a user with a library of its own, kept in memory: it resets when the mock
stops. Any credential values will do, but both must be there. Try:

  ${curl} ${url}/albums/B0064UPU4G
  ${curl} -X PUT ${url}/me/library/albums/B00D3PLC1K
  ${curl} ${url}/me/library/albums

${provider.rateLimit ? `An API key may send ${provider.rateLimit.perSecond} requests a second, in bursts of ${provider.rateLimit.capacity}; past that, 429 (--rate-limit).` : "No rate limit (--rate-limit 0)."}
Albums: ${named.join(", ")}, and ${albums.length - named.length} more
(npm start -- --list-albums prints them all; --albums <n> --seed <n> makes another catalog).
Other answers on demand: 'Prefer: code=404', 'Prefer: example=secondPage', 'Prefer: dynamic=true'.
${values.quiet ? "" : "One line per request follows (--quiet for none). "}Ctrl-C stops it.
`;
}
