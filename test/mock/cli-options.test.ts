// `npm start`'s command line as the mock reads it, and what it prints, called in-process (the
// process around them, exit codes and signals, is cli.test.ts's and orphans.test.ts's).
import { hostname } from "node:os";
import { beforeAll, describe, expect, it } from "vitest";
import { createCatalog, type Catalog } from "../../mock/core/catalog.ts";
import { albumList, banner, everyInterface, listenFailure } from "../../mock/node/cli-messages.ts";
import { packageCommand, parseCommandLine, usageFor, UsageError, type CliOptions } from "../../mock/node/cli-options.ts";

const usage = usageFor(packageCommand);

const options = (args: string[], env: Record<string, string> = {}) => parseCommandLine(args, env) as CliOptions;

function refusal(args: string[], env: Record<string, string> = {}): string {
  try {
    parseCommandLine(args, env);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${JSON.stringify(args)} was accepted`);
}

describe("the command line", () => {
  it("without options: the realistic mode on 127.0.0.1:4010, 300 generated albums of seed 1, 150 requests a second in bursts of 300, 10,000 users' libraries", () => {
    expect(options([])).toEqual({
      command: "amazon-music-albums-mock",
      port: 4010,
      host: "127.0.0.1",
      static: false,
      dynamic: false,
      provider: { generatedAlbums: 300, seed: 1, rateLimit: { capacity: 300, perSecond: 150, maxKeys: 10_000 }, maxUsers: 10_000 },
      state: undefined,
      persist: false,
      proxy: undefined,
      report: undefined,
      listAlbums: false,
      quiet: false,
      help: false,
    });
  });

  it("reads every option", () => {
    const args = ["--port", "0", "--host", "::1", "--albums", "0", "--seed", "4294967295", "--rate-limit", "1000000", "--max-users", "1", "--state", "libraries.json", "--persist", "--list-albums", "--quiet"];
    expect(options(args, { MOCK_COMMAND: "npm start --" })).toEqual({
      command: "npm start --",
      port: 0,
      host: "::1",
      static: false,
      dynamic: false,
      provider: { generatedAlbums: 0, seed: 2 ** 32 - 1, rateLimit: { capacity: 2_000_000, perSecond: 1_000_000, maxKeys: 10_000 }, maxUsers: 1 },
      state: "libraries.json",
      persist: true,
      proxy: undefined,
      report: undefined,
      listAlbums: true,
      quiet: true,
      help: false,
    });
  });

  it("takes its port from PORT, unless --port says another", () => {
    expect(options([], { PORT: "4011" }).port).toBe(4011);
    expect(options(["--port", "65535"], { PORT: "4011" }).port).toBe(65535);
  });

  it("--static answers from the examples; --dynamic too, with generated data", () => {
    expect(options(["--static"])).toMatchObject({ static: true, dynamic: false });
    expect(options(["--dynamic"])).toMatchObject({ static: true, dynamic: true });
  });

  it("--proxy with --report: the upstream and the report's file", () => {
    expect(options(["--proxy", "https://api.music.amazon.dev/v1", "--report", "drift.jsonl"])).toMatchObject({ proxy: "https://api.music.amazon.dev/v1", report: "drift.jsonl" });
  });

  it("--rate-limit 0 turns the rate limit off", () => {
    expect(options(["--rate-limit", "0"]).provider.rateLimit).toBeUndefined();
  });

  it("--help asks for the usage alone, whatever else is wrong", () => {
    expect(parseCommandLine(["--help", "--port", "http"], {})).toEqual({ help: true });
    for (const option of ["--port", "--host", "--static", "--dynamic", "--albums", "--seed", "--rate-limit", "--max-users", "--state", "--persist", "--proxy", "--report", "--list-albums", "--quiet", "--help"]) {
      expect(usage).toContain(`  ${option} `);
    }
    expect(usage).toContain("(default 300)");
  });

  it("refuses an unknown option or a stray argument, with the usage", () => {
    expect(refusal(["--bogus"])).toBe(`Unknown option '--bogus'\n\n${usage}`);
    expect(refusal(["serve"])).toMatch(/^Unexpected argument 'serve'.*\n\nUsage: amazon-music-albums-mock \[options\]/s);
    expect(refusal(["serve"], { MOCK_COMMAND: "npm start --" })).toMatch(/\n\nUsage: npm start -- \[options\]/);
  });

  it.each([
    [["--port", "http"], '--port must be a whole number from 0 to 65535, not "http".'],
    [["--port", "65536"], '--port must be a whole number from 0 to 65535, not "65536".'],
    [["--port=-1"], '--port must be a whole number from 0 to 65535, not "-1".'],
    [["--port", "80.5"], '--port must be a whole number from 0 to 65535, not "80.5".'],
    [["--port", " 80"], '--port must be a whole number from 0 to 65535, not " 80".'],
    [["--port", "80 "], '--port must be a whole number from 0 to 65535, not "80 ".'],
    [["--port", ""], '--port must be a whole number from 0 to 65535, not "".'],
    [["--albums", "1000001"], '--albums must be a whole number from 0 to 1000000, not "1000001".'],
    [["--seed", "4294967296"], '--seed must be a whole number from 0 to 4294967295, not "4294967296".'],
    [["--rate-limit", "1000001"], '--rate-limit must be a whole number from 0 to 1000000, not "1000001".'],
    [["--rate-limit=-5"], '--rate-limit must be a whole number from 0 to 1000000, not "-5".'],
    [["--max-users", "0"], '--max-users must be a whole number from 1 to 10000000, not "0".'],
    [["--max-users", "many"], '--max-users must be a whole number from 0 to 10000000, not "many".'],
    [["--persist"], "--persist writes the libraries back to the --state file: give --state <file> too."],
    [["--static", "--state", "s.json"], "--state is for the realistic mode: the static mode keeps no libraries."],
    [["--report", "r.jsonl"], "--report keeps what --proxy finds: give --proxy <url> too."],
    [["--proxy", "api.music.amazon.dev"], '--proxy must be the http or https base URL of the API, such as https://api.music.amazon.dev/v1, not "api.music.amazon.dev".'],
    [["--proxy", "ftp://x/"], '--proxy must be the http or https base URL of the API, such as https://api.music.amazon.dev/v1, not "ftp://x/".'],
    [["--proxy", "https://api.music.amazon.dev/v1", "--static"], "--proxy forwards to the API instead of mocking it: it takes no --static, --dynamic or --state."],
  ])("refuses %j, saying why in one line", (args, message) => {
    expect(refusal(args)).toBe(message);
  });

  it("names the first bad option, in the order of the usage", () => {
    expect(refusal(["--seed", "x", "--albums", "x", "--rate-limit", "x", "--port", "x"])).toMatch(/^--port /);
    expect(refusal(["--seed", "x", "--albums", "x", "--rate-limit", "x"])).toMatch(/^--rate-limit /);
    expect(refusal(["--seed", "x", "--albums", "x"])).toMatch(/^--albums /);
  });
});

describe("what it prints", () => {
  const document = { components: { examples: { one: { value: { data: { album: { id: "B0064UPU4G", title: "Discovery" } } } } } } };
  let catalog: Catalog;
  beforeAll(() => {
    catalog = createCatalog({ document, seed: 1, generated: 7 });
  });
  const url = "http://127.0.0.1:4010";

  it("the realistic banner: the URL, commands to try, the rate limit, five albums that exist and how many more", () => {
    const text = banner(url, options([]), catalog);
    expect(text).toContain("Amazon Music Albums v1 mock: http://127.0.0.1:4010\n");
    expect(text).toContain("kept in memory: it resets when the mock\nstops, and past 10000 users the least recently seen one's is forgotten (--max-users),\nwith a line in the log.");
    expect(text).not.toContain("every interface");
    expect(text).toContain(`-H 'Authorization: Bearer my-user' ${url}/albums/B0064UPU4G\n`);
    expect(text).toContain(`-X PUT ${url}/me/library/albums/B00D3PLC1K\n`);
    expect(text).toContain("An API key may send 150 requests a second, in bursts of 300; past that, 429 (--rate-limit).\n");
    const named = catalog.all().slice(0, 5).map((album) => `${album.id} (${album.title})`);
    expect(named[0]).toBe("B0064UPU4G (Discovery)");
    expect(text).toContain(`\nAlbums: ${named.join(", ")}, and 3 more\n`);
    expect(text).toContain("\nOne line per request follows (--quiet for none). Ctrl-C stops it.\n");
  });

  it("the realistic banner of --rate-limit 0 and --quiet", () => {
    const text = banner(url, options(["--rate-limit", "0", "--quiet"]), catalog);
    expect(text).toContain("\nNo rate limit (--rate-limit 0).\n");
    expect(text).not.toContain("An API key may send");
    expect(text).toContain("\nCtrl-C stops it.\n");
    expect(text).not.toContain("One line per request");
  });

  it("the static banner: the examples, generated with --dynamic, and no state", () => {
    const text = banner(url, options(["--static"]), undefined);
    expect(text).toContain("Amazon Music Albums v1 mock (static: the description's examples): http://127.0.0.1:4010\n");
    expect(text).toContain(`Bearer my-user' ${url}/albums/B0064UPU4G\n`);
    expect(text).toContain("Ctrl-C stops it.");
    expect(text).not.toMatch(/library|rate limit|Albums:/);
    expect(banner(url, options(["--dynamic"]), undefined)).toContain("(static: the description's examples, generated): http://127.0.0.1:4010\n");
  });

  it("--list-albums: a line per album of the catalog, examples first, ID and title", () => {
    const lines = albumList(catalog).split("\n");
    expect(lines).toHaveLength(1 + 7);
    expect(lines[0]).toBe("B0064UPU4G\tDiscovery");
    expect(lines.slice(1).every((line) => /^B0[A-Z0-9]{8}\tGenerated Album \d+$/.test(line))).toBe(true);
  });

  it("on every interface, says where other machines reach it, the curl lines keeping the loopback URL", () => {
    const text = banner(url, options(["--host", "0.0.0.0"]), catalog);
    expect(text).toContain(`Listening on every interface (--host 0.0.0.0): from another machine or a container, use http://${hostname()}:4010\n`);
    expect(text).toContain(`Bearer my-user' ${url}/albums/B0064UPU4G\n`);
    expect(everyInterface(url, "::", "box")).toContain("(--host ::): from another machine or a container, use http://box:4010\n");
    expect(everyInterface(url, "127.0.0.1")).toBe("");
    expect(banner(url, options(["--static", "--host", "0.0.0.0"]), undefined)).toContain("Listening on every interface");
  });

  it("a busy port says what to do; any other failure says where and why", () => {
    const busy = Object.assign(new Error("listen EADDRINUSE"), { code: "EADDRINUSE" });
    expect(listenFailure(busy, "127.0.0.1", 4010)).toBe("port 4010 is in use: pass --port or set PORT");
    const other = Object.assign(new Error("getaddrinfo ENOTFOUND nowhere"), { code: "ENOTFOUND" });
    expect(listenFailure(other, "nowhere", 4010)).toBe("cannot listen on nowhere:4010: getaddrinfo ENOTFOUND nowhere");
  });
});
