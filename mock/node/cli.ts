// `npm start`: the mock of the Albums API on http://127.0.0.1:4010, in this one process.
// See `npm start -- --help`. This file is the process glue (signals, exit codes, printing);
// what it decides and says is in cli-options.ts and cli-messages.ts, which tests call directly.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../scripts/redocly.ts";
import { createCatalog } from "../core/catalog.ts";
import { albumList, banner, listenFailure } from "./cli-messages.ts";
import { parseCommandLine, usage, UsageError, type CliOptions } from "./cli-options.ts";
import { ensureFreshBundle } from "./fresh-bundle.ts";
import { createMockServer, type MockServer } from "./server.ts";
import { starterPid, watchParent } from "./parent-watch.ts";

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
// npm (or whatever started the mock) was killed outright, even before the mock started:
// nobody is left to stop it.
watchParent(() => stop(0), 250, () => process.ppid, starterPid());

let options: CliOptions;
try {
  const parsed = parseCommandLine(process.argv.slice(2), process.env);
  if (parsed.help) {
    console.log(usage);
    process.exit(0);
  }
  options = parsed;
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exit(2);
}

await ensureFreshBundle();
const document = JSON.parse(readFileSync(join(projectRoot, "generated", "openapi.json"), "utf8")) as object;
if (options.listAlbums) {
  console.log(albumList(createCatalog({ document, seed: options.provider.seed, generated: options.provider.generatedAlbums })));
  process.exit(0);
}
mock = await createMockServer({
  document,
  mode: options.static ? "static" : "realistic",
  dynamic: options.dynamic,
  provider: options.provider,
  ...(options.quiet ? {} : { log: (line: string) => console.log(line) }),
});

let url: string;
try {
  url = await mock.listen(options.port, options.host);
} catch (error) {
  console.error(listenFailure(error as NodeJS.ErrnoException, options.host, options.port));
  process.exit(1);
}
// It answers from here on; it says it serves once Prism's mocker, which a Prefer request needs,
// has loaded in its worker thread, so that nothing waits after the banner.
try {
  await mock.ready;
} catch (error) {
  console.error((error as Error).message);
  await mock.close();
  process.exit(1);
}
console.log(banner(url, options, mock.provider?.catalog));
