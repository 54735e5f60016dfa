// What test:runtimes relies on to leave nothing running when it is interrupted: ending a child
// also ends what the child started in a process group of its own, as the contract tests' Prism is.
import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { descendantsOf, isRunning, signalTree } from "../../scripts/process-tree.ts";
import { processBudgetMs } from "../support/budgets.ts";

const started: number[] = [];
// Whatever a test asserts, nothing it started is left running, even when signalTree is broken.
afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
});

/** A child that starts a grandchild in its own process group, and says the grandchild's pid. */
async function childWithDetachedGrandchild(): Promise<{ child: number; grandchild: number }> {
  const script = `
    const { spawn } = require("node:child_process");
    const grandchild = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { detached: true, stdio: "ignore" });
    console.log(grandchild.pid);
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  started.push(child.pid as number);
  const grandchild = await new Promise<number>((resolve) => child.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString()))));
  started.push(grandchild);
  return { child: child.pid as number, grandchild };
}

async function gone(pids: number[]): Promise<boolean> {
  const deadline = Date.now() + 5_000;
  while (pids.some(isRunning) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return !pids.some(isRunning);
}

describe.skipIf(process.platform !== "linux")("signalTree", { timeout: processBudgetMs }, () => {
  it("finds a grandchild that left its parent's process group", async () => {
    const { child, grandchild } = await childWithDetachedGrandchild();
    expect(descendantsOf(child)).toContain(grandchild);
  });

  it("ends the child and the grandchild, where ending the child alone would leave the grandchild running", async () => {
    const alone = await childWithDetachedGrandchild();
    process.kill(alone.child, "SIGTERM");
    expect(await gone([alone.child])).toBe(true);
    expect(isRunning(alone.grandchild)).toBe(true);

    const { child, grandchild } = await childWithDetachedGrandchild();
    expect(signalTree(child, "SIGTERM")).toEqual(expect.arrayContaining([child, grandchild]));
    expect(await gone([child, grandchild])).toBe(true);
  });
});
