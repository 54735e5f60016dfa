// The mock's figures for `npm run bench`: how long `npm start` takes to its first answer, and
// what the default (realistic) mode serves at 10 connections, each beside its floor (a bare
// node:http server with a canned body), the provider alone (the mock's own work without routing
// or validation) and the old two-process stack (Prism's CLI proxy in front of the provider, as
// the mock ran before; its CLI is installed into node_modules/.cache on first use).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import { projectRoot } from "../scripts/redocly.ts";

const headers = { "x-api-key": "amzn1.application.bench", authorization: "Bearer bench-user" };
const path = "/albums/B0064UPU4G";
const oldPrism = { version: "5.14.2", dir: join(projectRoot, "node_modules/.cache/bench-prism-cli") };

interface Target {
  url: string;
  stop(): void;
}

const started: ChildProcess[] = [];
process.on("exit", () => started.forEach((child) => child.kill("SIGKILL")));

function launch(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
  started.push(child);
  return child;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url + path, { headers, signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts a process, and resolves once `url` answers 200: with the time that took, in ms. */
async function readyIn(child: ChildProcess, url: () => string | undefined): Promise<number> {
  const since = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${String(child.spawnargs.join(" "))} exited (${child.exitCode}) before it answered`);
    const at = url();
    if (at && (await answers(at))) return performance.now() - since;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A process that prints its URL on its first line (bench/targets.ts, mock/node/cli.ts's banner). */
async function start(command: string, args: string[]): Promise<Target & { readyMs: number }> {
  const child = launch(command, args);
  let printed = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (printed += chunk));
  const url = () => /(http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1];
  const readyMs = await readyIn(child, url);
  return { url: url() as string, readyMs, stop: () => child.kill("SIGTERM") };
}

const target = (name: "floor" | "provider") => start(process.execPath, ["--import", "tsx", "bench/targets.ts", name]);
/** The floor of start-up: plain node, no TypeScript loader, a canned answer. */
const bareServer = () =>
  start(process.execPath, ["-e", `const s = require("node:http").createServer((q, r) => r.end("{}")).listen(0, "127.0.0.1", () => console.log("http://127.0.0.1:" + s.address().port)); setInterval(() => process.ppid === 1 && process.exit(), 250).unref();`]);
const defaultMock = () => start(process.execPath, ["--import", "tsx", "mock/node/cli.ts", "--port", "0", "--quiet", "--rate-limit", "0"]);

/** Prism 5.14.2's CLI, installed once for the comparison; undefined (with why) when it cannot be. */
function oldPrismCli(): string | undefined {
  const cli = join(oldPrism.dir, "node_modules/@stoplight/prism-cli/dist/index.js");
  if (!existsSync(cli)) {
    console.log(`Installing @stoplight/prism-cli@${oldPrism.version} into ${oldPrism.dir} for the old stack…`);
    const install = spawnSync("npm", ["install", "--prefix", oldPrism.dir, "--no-save", "--no-audit", "--no-fund", `@stoplight/prism-cli@${oldPrism.version}`], { encoding: "utf8" });
    if (install.status !== 0) {
      console.log(`The old stack is left out: ${install.stderr.trim().split("\n").at(-1)}`);
      return undefined;
    }
  }
  return cli;
}

async function oldStack(): Promise<Target | undefined> {
  const cli = oldPrismCli();
  if (!cli) return undefined;
  const provider = await target("provider");
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const url = `http://127.0.0.1:${port}`;
  // As the stateful mock ran it: validating responses, the provider validating requests.
  const prism = launch(process.execPath, [cli, "proxy", "generated/openapi.yaml", provider.url, "--errors", "--validate-request", "false", "--host", "127.0.0.1", "--port", String(port)]);
  await readyIn(prism, () => url);
  return { url, stop: () => (prism.kill("SIGTERM"), provider.stop()) };
}

async function throughput(url: string) {
  const result = await autocannon({ url: url + path, headers, connections: 10, duration: 5, warmup: { connections: 10, duration: 1 } });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} answers other than 2xx and ${result.errors} errors`);
  return { requestsPerSec: Math.round(result.requests.average), p99Ms: result.latency.p99 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

export async function mockBenchmarks() {
  // Start-up: `npm start` on a fresh bundle, five times, against a bare server started the same way.
  const startups = { npmStart: [] as number[], floor: [] as number[] };
  for (let run = 0; run < 5; run++) {
    const npm = launch("npm", ["start", "--silent", "--", "--port", "0", "--quiet"]);
    let printed = "";
    npm.stdout?.setEncoding("utf8").on("data", (chunk: string) => (printed += chunk));
    startups.npmStart.push(await readyIn(npm, () => /(http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1]));
    npm.kill("SIGTERM");
    const floor = await bareServer();
    startups.floor.push(floor.readyMs);
    floor.stop();
  }

  const rows: Array<{ server: string; requestsPerSec: number; p99Ms: number }> = [];
  for (const [server, begin] of [
    ["floor: bare node:http, canned body", () => target("floor")],
    ["the provider alone", () => target("provider")],
    ["npm start (default mode)", defaultMock],
    [`old stack: Prism ${oldPrism.version} CLI proxy + provider`, oldStack],
  ] as const) {
    const running = await begin();
    if (!running) continue;
    try {
      rows.push({ server, ...(await throughput(running.url)) });
    } finally {
      running.stop();
    }
  }
  const of = (prefix: string) => rows.find((row) => row.server.startsWith(prefix))?.requestsPerSec ?? Number.NaN;
  return {
    startupMs: { npmStart: Math.round(median(startups.npmStart)), floor: Math.round(median(startups.floor)), runs: startups.npmStart.map(Math.round) },
    throughputAt10Connections: rows,
    defaultToProvider: +(of("npm start") / of("the provider")).toFixed(2),
  };
}
