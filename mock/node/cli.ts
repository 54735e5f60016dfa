#!/usr/bin/env node
// The mock's command (`amazon-music-albums-mock`, and `npm start` in this repository through
// mock/start.mjs): the mock of the Albums API on http://127.0.0.1:4010, in this one process.
// This file is the process glue (signals, exit codes, printing, the state file); what it decides
// and says is in cli-options.ts and cli-messages.ts, which tests call directly. The server and
// everything it needs load only after the command line is read: --help prints at once.
import { parseCommandLine, usageFor, packageCommand, UsageError, type CliOptions } from "./cli-options.ts";
import { starterPid, watchParent } from "./parent-watch.ts";

// From the very start, so that a signal or the death of npm during start-up ends it too.
let stop: (code: number) => void = (code) => process.exit(code);
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
// npm (or whatever started the mock) was killed outright, even before the mock started:
// nobody is left to stop it.
watchParent(() => stop(0), 250, () => process.ppid, starterPid());

let options: CliOptions;
try {
  const parsed = parseCommandLine(process.argv.slice(2), process.env);
  if (parsed.help) {
    console.log(usageFor(process.env.MOCK_COMMAND ?? packageCommand));
    process.exit(0);
  }
  options = parsed;
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exit(2);
}

await import("./serve.ts").then(({ serve }) =>
  serve(options, (close) => {
    let stopping = false;
    stop = (code) => {
      if (stopping) return;
      stopping = true;
      void close().then(() => process.exit(code));
    };
  }),
);
