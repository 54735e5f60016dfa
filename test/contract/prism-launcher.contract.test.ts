// The launcher the contract suite and `npm start` rely on: it must fail fast, with Prism's own
// words, when Prism cannot start, and leave nothing running once stopped.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startPrism } from "../../scripts/prism.ts";

const bundle = fileURLToPath(new URL("../../generated/openapi.yaml", import.meta.url));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("startPrism", () => {
  // Fast: within the test timeout, well before the launcher's own 30-second readiness limit.
  it("fails fast, with Prism's output, when Prism exits before it answers", { timeout: 15_000 }, async () => {
    const error = await startPrism({ spec: "/nonexistent/openapi.yaml" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Prism exited before it answered on http:\/\/127\.0\.0\.1:\d+:/);
    expect((error as Error).message).toContain("nonexistent");
  });

  it("serves until stopped, then leaves no process and no listener behind", async () => {
    const prism = await startPrism({ spec: bundle });
    const pid = prism.pid;
    expect((await fetch(`${prism.url}/albums/B0064UPU4G`)).status).toBe(401);
    await prism.stop();
    expect(isRunning(pid)).toBe(false);
    await expect(fetch(`${prism.url}/albums/B0064UPU4G`)).rejects.toThrow();
  });
});
