// What `npm start`'s command line asks for: its options read and checked, without touching the
// process (cli.ts prints, exits and serves), so that tests can call it in-process.
import { parseArgs } from "node:util";
import { defaultProviderOptions, defaultRateLimit, type ProviderOptions } from "../core/provider.ts";

/** How the mock is run: the package's command, or, in this repository, npm start (mock/start.mjs says so). */
export const packageCommand = "amazon-music-albums-mock";

/** The usage, as `command` runs the mock. */
export function usageFor(command: string): string {
  return `Usage: ${command} [options]

Serves a mock of the Amazon Music Web API Albums v1 operations, checked against the description.

  --port <n>        Port to listen on (default 4010, or $PORT).
  --host <name>     Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).
  --static          Answer from the description's examples only (Prism's example mode): no state.
  --dynamic         Like --static, with generated data for every response.
  --albums <n>      Albums to generate for the catalog, beyond the examples' (default ${defaultProviderOptions.generatedAlbums}).
  --seed <n>        Seed of the generated catalog and of generated answers (default ${defaultProviderOptions.seed}).
  --rate-limit <n>  Requests a second per API key, in bursts of up to twice that (default ${defaultRateLimit.perSecond}; 0: none).
  --max-users <n>   Users whose libraries are kept, the least recently seen forgotten first, each
                    with a line in the log (default ${defaultProviderOptions.maxUsers}).
  --state <file>    Start with the libraries of this JSON file: {"users": {"<token>": ["<album ID>", ...]}}.
  --persist         With --state: write the libraries back to that file when the mock stops.
  --proxy <url>     Instead of mocking: forward every request, unchanged, to this base URL (such as
                    https://api.music.amazon.dev/v1), return its answers unchanged, and log each
                    way a request or an answer departs from the description.
  --report <file>   With --proxy: keep those findings in this file too, grouped, with no
                    credential or personal value in it (npm run drift-report -- <file> prints it).
  --list-albums     Print the catalog's album IDs and titles, and exit.
  --quiet           No line per request; only the banner and errors.
  --help            This text.

Without --static, the mock behaves like the API: each bearer token is a user with a library of
its own, kept in memory until the mock stops (at most --max-users of them); unknown album IDs get 404;
an API key sending too much gets 429 with Retry-After. Any request may choose another answer with a
Prefer header: 'Prefer: code=404', 'Prefer: example=secondPage', 'Prefer: dynamic=true'.
POST /__mock/reset empties every library, or with 'Authorization: Bearer <token>' that user's.`;
}

export interface CliOptions {
  /** How the mock was run (for what it prints): npm start in this repository, else the package's command. */
  command: string;
  port: number;
  host: string;
  /** --static or --dynamic: Prism's mocker answers every request. */
  static: boolean;
  dynamic: boolean;
  provider: Pick<ProviderOptions, "generatedAlbums" | "seed" | "rateLimit" | "maxUsers">;
  /** --state: the file of the libraries to start with; --persist writes them back to it. */
  state: string | undefined;
  persist: boolean;
  /** --proxy: the upstream's base URL; --report: where its findings go. */
  proxy: string | undefined;
  report: string | undefined;
  listAlbums: boolean;
  quiet: boolean;
  help: false;
}

/** A command line that cannot run: the message says why, and the mock exits with 2. */
export class UsageError extends Error {}

/** The options, or `help` alone when --help asks for the usage (whatever else is wrong). */
export function parseCommandLine(args: string[], env: Record<string, string | undefined>): CliOptions | { help: true } {
  const usage = usageFor(env.MOCK_COMMAND ?? packageCommand);
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: "string", default: env.PORT ?? "4010" },
        host: { type: "string", default: "127.0.0.1" },
        static: { type: "boolean", default: false },
        dynamic: { type: "boolean", default: false },
        albums: { type: "string", default: String(defaultProviderOptions.generatedAlbums) },
        seed: { type: "string", default: String(defaultProviderOptions.seed) },
        "rate-limit": { type: "string", default: String(defaultRateLimit.perSecond) },
        "max-users": { type: "string", default: String(defaultProviderOptions.maxUsers) },
        state: { type: "string" },
        persist: { type: "boolean", default: false },
        proxy: { type: "string" },
        report: { type: "string" },
        "list-albums": { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
  if (values.help) return { help: true };
  const port = wholeNumber("--port", values.port, 65535);
  const perSecond = wholeNumber("--rate-limit", values["rate-limit"], 1_000_000);
  if (values.persist && values.state === undefined) throw new UsageError("--persist writes the libraries back to the --state file: give --state <file> too.");
  if (values.state !== undefined && (values.static || values.dynamic)) throw new UsageError("--state is for the realistic mode: the static mode keeps no libraries.");
  if (values.report !== undefined && values.proxy === undefined) throw new UsageError("--report keeps what --proxy finds: give --proxy <url> too.");
  if (values.proxy !== undefined) {
    let upstream: URL | undefined;
    try {
      upstream = new URL(values.proxy);
    } catch {
      // Said below.
    }
    if (!upstream || (upstream.protocol !== "https:" && upstream.protocol !== "http:")) throw new UsageError(`--proxy must be the http or https base URL of the API, such as https://api.music.amazon.dev/v1, not "${values.proxy}".`);
    if (values.static || values.dynamic || values.state !== undefined) throw new UsageError("--proxy forwards to the API instead of mocking it: it takes no --static, --dynamic or --state.");
  }
  return {
    command: env.MOCK_COMMAND ?? packageCommand,
    port,
    host: values.host,
    static: values.static || values.dynamic,
    dynamic: values.dynamic,
    provider: {
      generatedAlbums: wholeNumber("--albums", values.albums, 1_000_000),
      seed: wholeNumber("--seed", values.seed, 2 ** 32 - 1),
      rateLimit: perSecond === 0 ? undefined : { ...defaultRateLimit, perSecond, capacity: 2 * perSecond },
      maxUsers: positiveNumber("--max-users", values["max-users"], 10_000_000),
    },
    state: values.state,
    persist: values.persist,
    proxy: values.proxy,
    report: values.report,
    listAlbums: values["list-albums"],
    quiet: values.quiet,
    help: false,
  };
}

function positiveNumber(name: string, value: string, max: number): number {
  const number = wholeNumber(name, value, max);
  if (number === 0) throw new UsageError(`${name} must be a whole number from 1 to ${max}, not "${value}".`);
  return number;
}

function wholeNumber(name: string, value: string, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number > max) throw new UsageError(`${name} must be a whole number from 0 to ${max}, not "${value}".`);
  return number;
}
