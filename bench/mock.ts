// The mock's figures for `npm run bench`: how long `npm start` takes to its first answer, and
// what the default (realistic) mode serves at 10 connections, each beside its floor (a bare
// node:http server with a canned body), the provider alone (the mock's own work without routing
// or validation) and the old two-process stack (Prism's CLI proxy in front of the provider, as
// the mock ran before; its CLI is installed into node_modules/.cache on first use).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
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

/** A process that prints its URL on its first line (bench/targets.ts, the mock's banner). */
async function start(command: string, args: string[]): Promise<Target & { readyMs: number }> {
  const child = launch(command, args);
  let printed = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (printed += chunk));
  const url = () => /(http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1];
  const readyMs = await readyIn(child, url);
  return { url: url() as string, readyMs, stop: () => child.kill("SIGTERM") };
}

const target = (name: "floor" | "provider") => start(process.execPath, ["--import", "tsx", "bench/targets.ts", name]);
/** The mock's command as the package runs it (mock/dist, which npm start builds). */
const cliPath = join(projectRoot, "mock/dist/cli.mjs");
const defaultMock = () => start(process.execPath, [cliPath, "--port", "0", "--quiet", "--rate-limit", "0"]);

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

/** A port nobody listens on yet, as a user gives --port: start-up is timed to the first 200 on it, not to the banner. */
async function freePort(): Promise<number> {
  const server = createNetServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Launches `command` (which listens on `port`) and resolves with the time to its first 200 there. */
async function firstAnswerIn(command: string, args: (port: number) => string[]): Promise<number> {
  const port = await freePort();
  const child = launch(command, args(port));
  try {
    return await readyIn(child, () => `http://127.0.0.1:${port}`);
  } finally {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
}

/** How long a command takes to run to its end. */
async function runTime(command: string, args: string[], cwd = projectRoot): Promise<number> {
  const since = performance.now();
  const child = spawn(command, args, { cwd, stdio: "ignore" });
  await once(child, "exit");
  return performance.now() - since;
}

/** The mock's command, started and ready (its banner printed): the time of its first answer to `headers`. */
async function firstAnswerAfterBanner(extra: Record<string, string>): Promise<number> {
  const child = launch(process.execPath, [cliPath, "--port", "0", "--quiet", "--rate-limit", "0"]);
  let printed = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (printed += chunk));
  try {
    while (!/Ctrl-C stops it/.test(printed)) await new Promise((resolve) => setTimeout(resolve, 5));
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1] as string;
    const since = performance.now();
    const response = await fetch(`${url}/albums/B0064UPU4G`, { headers: { ...headers, ...extra } });
    await response.arrayBuffer();
    return performance.now() - since;
  } finally {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
}

/**
 * The start-up figures issue 20 sets targets for, each a ratio of medians measured in this one run,
 * the runs of both sides interleaved so that a change of load hits both:
 * - npm start to its first 200, less what npm takes to run a script that does nothing, against a
 *   bare node:http server's spawn to its first 200 (target: at most 2);
 * - the first Prefer answer after the banner against the first plain one (at most 1.2);
 * - the mock's command with --help, run by node, against `node -e 0` (at most 2).
 */
export async function startupBenchmarks(runs = 7) {
  // Built once before: npm start rebuilds only when mock/ changed, which is not what is measured.
  spawnSync(process.execPath, [join(projectRoot, "mock/start.mjs"), "--help"], { cwd: projectRoot, stdio: "ignore" });
  const noop = mkdtempSync(join(tmpdir(), "albums-bench-noop-"));
  writeFileSync(join(noop, "package.json"), JSON.stringify({ name: "noop", private: true, scripts: { noop: "true" } }));
  const samples = { npmStart: [] as number[], npmNoop: [] as number[], floor: [] as number[], prefer: [] as number[], plain: [] as number[], help: [] as number[], nodeE0: [] as number[] };
  try {
    for (let run = 0; run < runs; run++) {
      samples.npmStart.push(await firstAnswerIn("npm", (port) => ["start", "--silent", "--", "--port", String(port), "--quiet"]));
      samples.npmNoop.push(await runTime("npm", ["run", "--silent", "noop"], noop));
      samples.floor.push(await firstAnswerIn(process.execPath, (port) => ["-e", `require("node:http").createServer((q, r) => r.end("{}")).listen(${port}, "127.0.0.1"); setInterval(() => process.ppid === 1 && process.exit(), 250).unref();`]));
      samples.prefer.push(await firstAnswerAfterBanner({ prefer: "code=404" }));
      samples.plain.push(await firstAnswerAfterBanner({}));
      samples.help.push(await runTime(process.execPath, [cliPath, "--help"]));
      samples.nodeE0.push(await runTime(process.execPath, ["-e", "0"]));
    }
  } finally {
    rmSync(noop, { recursive: true, force: true });
  }
  const m = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, Math.round(median(values) * 10) / 10])) as Record<keyof typeof samples, number>;
  const ratio = (value: number) => Math.round(value * 100) / 100;
  return {
    medianMs: m,
    ratios: [
      { figure: "npm start to its first 200, less npm's own start, / a bare node:http server's", ratio: ratio((m.npmStart - m.npmNoop) / m.floor), target: 2 },
      { figure: "the first Prefer answer after the banner / the first plain one", ratio: ratio(m.prefer / m.plain), target: 1.2 },
      { figure: "the mock's command with --help / node -e 0", ratio: ratio(m.help / m.nodeE0), target: 2 },
    ],
  };
}

/** Median latency of `count` sequential requests to `url`, one connection kept alive. */
async function medianLatency(url: string, count: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const since = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    times.push(performance.now() - since);
  }
  return median(times);
}

/**
 * The validating proxy's own latency (issue 22's target: at most 2 ms a request at the median):
 * the same upstream (the floor server) called directly and through `--proxy`, in batches taken
 * in turn, each side in a process of its own.
 */
export async function proxyBenchmarks(batches = 10, perBatch = 200) {
  const upstream = await target("floor");
  const proxy = await start(process.execPath, [cliPath, "--proxy", upstream.url, "--port", "0", "--quiet"]);
  try {
    const direct: number[] = [];
    const proxied: number[] = [];
    for (let batch = 0; batch < batches; batch++) {
      direct.push(await medianLatency(upstream.url + path, perBatch));
      proxied.push(await medianLatency(proxy.url + path, perBatch));
    }
    const [directMs, proxiedMs] = [median(direct), median(proxied)];
    return { directMs: +directMs.toFixed(3), proxiedMs: +proxiedMs.toFixed(3), overheadMs: +(proxiedMs - directMs).toFixed(3), targetMs: 2 };
  } finally {
    proxy.stop();
    upstream.stop();
  }
}

export async function mockBenchmarks() {
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
    throughputAt10Connections: rows,
    defaultToProvider: +(of("npm start") / of("the provider")).toFixed(2),
  };
}
