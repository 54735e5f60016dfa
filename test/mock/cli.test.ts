// `npm start`'s command line, run as a user runs it: help, refusals, a busy port, the banner
// with albums that exist, one log line per request (or none with --quiet), the catalog listing.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { once } from "node:events";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/redocly.ts";
import { processBudgetMs } from "../support/budgets.ts";

const cli = ["--import", "tsx", join(projectRoot, "mock/node/cli.ts")];
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [...cli, ...args], { cwd: projectRoot, encoding: "utf8", env: { ...process.env, ...env }, timeout: processBudgetMs });

/** Starts the mock, waits for its banner, and gives its URL, what it printed, and a way to stop it. */
async function serve(args: string[]) {
  const child = spawn(process.execPath, [...cli, "--port", "0", ...args], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = once(child, "exit");
  while (!/Ctrl-C stops it/.test(output)) {
    await Promise.race([once(child.stdout, "data"), exited.then(() => Promise.reject(new Error(`the mock exited:\n${output}`)))]);
  }
  const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] as string;
  return {
    url,
    output: () => output,
    async stop() {
      child.kill("SIGTERM");
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

const headers = { "x-api-key": "amzn1.application.cli", authorization: "Bearer cli-user" };

describe("npm start's command line", { timeout: processBudgetMs }, () => {
  it("--help prints every option and exits 0", () => {
    const result = run(["--help"]);
    expect(result.status).toBe(0);
    for (const option of ["--port", "--host", "--static", "--dynamic", "--albums", "--seed", "--list-albums", "--quiet", "--help"]) {
      expect(result.stdout).toContain(option);
    }
  });

  it.each([
    [["--bogus"], /Unknown option '--bogus'/],
    [["--port", "http"], /--port must be a whole number from 0 to 65535, not "http"\./],
    [["--albums", "many"], /--albums must be a whole number from 0 to 1000000, not "many"\./],
    [["--rate-limit", "-5"], /--rate-limit/],
  ])("refuses %j with exit 2 and says why", (args, message) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("stops at once on a busy port, with exit 1 and what to do", async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const { port } = busy.address() as { port: number };
    try {
      const result = run(["--port", String(port)]);
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(`port ${port} is in use: pass --port or set PORT`);
      expect(result.stdout).not.toContain("Try:");
    } finally {
      busy.close();
    }
  });

  it("takes its port from PORT", () => {
    expect(run([], { PORT: "not-a-port" }).stderr).toContain('--port must be a whole number from 0 to 65535, not "not-a-port".');
  });

  it("--list-albums prints the catalog, examples first, and --albums sizes it", () => {
    const lines = run(["--list-albums", "--albums", "3"]).stdout.trim().split("\n");
    expect(lines[0]).toBe("B0064UPU4G\tDiscovery");
    expect(lines).toHaveLength(5 + 3);
    expect(lines.every((line) => /^[A-Z0-9]{10}\t\S/.test(line))).toBe(true);
  });

  it("names albums that exist and says state lives in memory; logs one line per request", async () => {
    const mock = await serve([]);
    expect(mock.output()).toMatch(/kept in memory: it resets when the mock\nstops/);
    const named = [...mock.output().matchAll(/\b(B0[A-Z0-9]{8}) \(/g)].map((match) => match[1] as string);
    expect(named.length).toBeGreaterThanOrEqual(5);
    for (const id of named) expect((await fetch(`${mock.url}/albums/${id}`, { headers })).status).toBe(200);
    await fetch(`${mock.url}/albums/B000000000`, { headers });
    expect(await mock.stop()).toBe(0);
    const lines = mock.output().split("\n").filter((line) => line.startsWith("GET /albums/"));
    expect(lines).toHaveLength(named.length + 1);
    expect(lines.at(-1)).toMatch(/^GET \/albums\/B000000000 404 RESOURCE_NOT_FOUND getAlbum \d+\.\d ms$/);
    expect(mock.output()).not.toContain("cli-user");
  });

  it("says the rate limit in its banner, and --rate-limit sets it or turns it off", { timeout: 3 * processBudgetMs }, async () => {
    for (const [args, said] of [
      [[], "An API key may send 150 requests a second, in bursts of 300"],
      [["--rate-limit", "5"], "An API key may send 5 requests a second, in bursts of 10"],
      [["--rate-limit", "0"], "No rate limit (--rate-limit 0)."],
    ] as const) {
      const mock = await serve(["--quiet", ...args]);
      expect(mock.output()).toContain(said);
      await mock.stop();
    }
  });

  it("--quiet logs no request", async () => {
    const mock = await serve(["--quiet"]);
    await fetch(`${mock.url}/albums/B0064UPU4G`, { headers });
    expect(await mock.stop()).toBe(0);
    expect(mock.output()).not.toMatch(/^GET /m);
  });

  it("--static answers from the examples, whatever the album", async () => {
    const mock = await serve(["--static", "--quiet"]);
    const response = await fetch(`${mock.url}/me/library/albums/B0064UPU4G`, { method: "PUT", headers });
    expect(((await response.json()) as { data: { saveAlbum: { album: { id: string } } } }).data.saveAlbum.album.id).toBe("B091MTJT3P");
    expect(mock.output()).toContain("static: the description's examples");
    await mock.stop();
  });

  // Three starts of the command, each with its own budget.
  it("--dynamic generates every answer, the same for the same request, and --seed changes it", { timeout: 3 * processBudgetMs }, async () => {
    const bodies: unknown[] = [];
    for (const args of [["--dynamic"], ["--dynamic"], ["--dynamic", "--seed", "2"]]) {
      const mock = await serve(["--quiet", ...args]);
      bodies.push(await (await fetch(`${mock.url}/albums/B0064UPU4G`, { headers })).json());
      await mock.stop();
    }
    const [first, again, other] = bodies as Array<{ data: { album: { title: string } } }>;
    expect(first?.data.album.title).not.toBe("Discovery");
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  // Two starts and a refused one.
  it("--state starts from a file's libraries, --persist writes them back on SIGTERM, and a restart keeps them", { timeout: 3 * processBudgetMs }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "albums-cli-state-"));
    try {
      const file = join(dir, "libraries.json");
      writeFileSync(file, JSON.stringify({ users: { "cli-user": ["B00D3PLC1K"] } }));
      const first = await serve(["--quiet", "--state", file, "--persist"]);
      await fetch(`${first.url}/me/library/albums/B0064UPU4G`, { method: "PUT", headers });
      expect(await first.stop()).toBe(0);
      expect(first.output()).toContain(`Wrote the libraries to ${file} (--persist).`);
      expect(readFileSync(file, "utf8")).not.toContain("cli-user");
      const second = await serve(["--quiet", "--state", file]);
      const page = (await (await fetch(`${second.url}/me/library/albums`, { headers })).json()) as { data: { user: { libraryAlbums: { edges: Array<{ node: { id: string } }> } } } };
      expect(page.data.user.libraryAlbums.edges.map((edge) => edge.node.id)).toEqual(["B00D3PLC1K", "B0064UPU4G"]);
      await second.stop();
      writeFileSync(file, JSON.stringify({ users: { "cli-user": ["B000000000"] } }));
      const refused = run(["--state", file]);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain(`--state ${file}: users["cli-user"][0]: "B000000000" is not an album of the mock's catalog`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--max-users forgets the least recently seen library past the limit, and logs it", async () => {
    const mock = await serve(["--max-users", "1"]);
    for (const user of ["first-user", "second-user"]) {
      await fetch(`${mock.url}/me/library/albums/B0064UPU4G`, { method: "PUT", headers: { ...headers, authorization: `Bearer ${user}` } });
    }
    expect(await mock.stop()).toBe(0);
    expect(mock.output()).toMatch(/ {2}forgot the library of user [0-9a-f]{26} \(1 album\): the mock keeps the 1 most recently seen users' libraries \(--max-users\)/);
  });
});
