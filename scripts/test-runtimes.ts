// `npm run test:runtimes`: the client's own tests (the unit, faults and contract vitest projects)
// on each pinned Node.js besides the machine's own, which `npm test` already runs them on. Users
// run the client on the current Node.js releases, not on the one this repository is developed with.
// Never skipped under CI=true. Extra arguments go to vitest (`npm run test:runtimes -- --reporter=dot`).
import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { installNode, nodePackageName, pinnedNodeVersions } from "./node-runtimes.ts";
import { isRunning, signalTree } from "./process-tree.ts";
import { projectRoot } from "./redocly.ts";
import { skipStep } from "./skip-step.ts";

const projects = ["unit", "faults", "contract"];
const vitestCli = join(projectRoot, "node_modules/vitest/vitest.mjs");

let running: ChildProcess | undefined;
/** Set by a signal: no further run starts while the current one is being ended, then the script exits. */
let stopping: Promise<void> | undefined;

/** Ends the running vitest and all it started; resolves once none of them is left. */
async function stopRunning(): Promise<void> {
  const child = running;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const tree = signalTree(child.pid, "SIGTERM");
  const deadline = Date.now() + 5_000;
  while (tree.some(isRunning) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  for (const pid of tree.filter(isRunning)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Gone in the meantime.
    }
  }
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the tests`);
    stopping ??= stopRunning().finally(() => process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal]));
  });
}
// Any other way out (an uncaught error): no time to wait, but nothing is left running either.
process.once("exit", () => {
  if (running?.pid && running.exitCode === null && running.signalCode === null) signalTree(running.pid, "SIGKILL");
});

function runVitest(node: string, version: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [vitestCli, "run", ...projects.flatMap((name) => ["--project", name]), ...process.argv.slice(2)], {
      cwd: projectRoot,
      stdio: "inherit",
      // Out of the terminal's process group: a Ctrl-C reaches only this script, which then ends
      // vitest and everything under it together. Reaching vitest first, it would exit at once,
      // and what it started would no longer be found under it.
      detached: true,
      // Whatever the tests start with `node` (or process.execPath) runs on the same Node.js.
      // test/unit/node-version.test.ts checks that the tests ran on this one.
      env: { ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ""}`, TEST_RUNTIMES_NODE_VERSION: `v${version}` },
    });
    running = child;
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? 128 + (signal === "SIGKILL" ? 9 : 15)));
  });
}

if (!nodePackageName()) {
  skipStep(`no Node.js package on the npm registry for ${process.platform}-${process.arch}: the tests on Node.js ${pinnedNodeVersions.join(" and ")} need Linux (x64 or arm64)`);
}

const results: Array<{ version: string; code: number; seconds: number }> = [];
for (const version of pinnedNodeVersions) {
  if (stopping) break;
  const node = installNode(version);
  console.log(`\n== ${projects.join(", ")} on Node.js v${version} (${node})\n`);
  const started = performance.now();
  const code = await runVitest(node, version);
  if (stopping) break;
  results.push({ version, code, seconds: (performance.now() - started) / 1000 });
}
// After a signal, the script exits once vitest and all it started are gone; nothing to report.
if (stopping) await stopping;
running = undefined;

console.log("\nNode.js   | tests  | seconds");
for (const { version, code, seconds } of results) console.log(`v${version.padEnd(9)}| ${code === 0 ? "passed" : "FAILED"} | ${seconds.toFixed(1)}`);
process.exitCode = results.some(({ code }) => code !== 0) ? 1 : 0;
