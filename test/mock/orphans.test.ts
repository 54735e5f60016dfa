// No orphan, ever: after SIGINT, SIGTERM or SIGKILL of `npm start`, or of a vitest run whose test
// serves the mock, no process of ours is left and no port stays bound. Each run is marked with an
// environment variable of its own, which every process it starts inherits: a process still
// carrying it afterwards is an orphan. (Linux: the marks are read from /proc.)
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/redocly.ts";

const signals = ["SIGINT", "SIGTERM", "SIGKILL"] as const;
let mark = "";

/** The processes still carrying this run's mark, as `pid command`. */
function marked(): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/environ`, "latin1").split("\0").includes(`ORPHANS_MARK=${mark}`)) continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, "latin1").split("\0").join(" ").trim();
      const state = /^\d+ \(.*\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, "latin1"))?.[1];
      if (state !== "Z") found.push(`${pid} ${command}`);
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

/** Waits until the check holds, polling; fails after a budget generous enough for a loaded machine. */
async function eventually(what: string, check: () => boolean | Promise<boolean>, budgetMs = 30_000): Promise<void> {
  const deadline = Date.now() + budgetMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still not ${what} after ${budgetMs} ms; left: ${JSON.stringify(marked())}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function start(command: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(command, args, { cwd: projectRoot, env: { ...process.env, ...env, ORPHANS_MARK: mark }, stdio: ["ignore", "pipe", "pipe"] });
}

afterEach(() => {
  // Whatever a failed test left behind goes now, so that one failure does not become many.
  for (const line of marked()) process.kill(Number(line.split(" ")[0]), "SIGKILL");
});

describe.skipIf(process.platform !== "linux" && process.env.CI !== "true")("no orphan", () => {
  describe.each(signals)("npm start, then %s to npm", (signal) => {
    it("leaves no process and frees the port", { timeout: 90_000 }, async () => {
      mark = randomUUID();
      const url = `http://127.0.0.1:${await freePort()}`;
      const npm = start("npm", ["start", "--silent", "--", "--port", new URL(url).port, "--quiet"]);
      await eventually("serving", () => answers(url), 60_000);
      npm.kill(signal);
      await eventually("free of the mock's processes", () => marked().length === 0);
      expect(await answers(url)).toBe(false);
    });
  });

  it("npm start, then SIGINT during its start-up: nothing is left, the port is never taken", { timeout: 90_000 }, async () => {
    mark = randomUUID();
    const url = `http://127.0.0.1:${await freePort()}`;
    const npm = start("npm", ["start", "--silent", "--", "--port", new URL(url).port, "--quiet"]);
    // As soon as the mock's own process runs (npm has exec'd it): before it could have answered.
    await eventually("started", () => marked().some((line) => / node [^ ]*mock\/start\.mjs/.test(` ${line.split(" ").slice(1).join(" ")}`)));
    npm.kill("SIGINT");
    await eventually("free of the mock's processes", () => marked().length === 0);
    expect(await answers(url)).toBe(false);
  });

  // What the test above meets when its SIGINT reaches npm before npm listens for signals: npm
  // ends at once, its shell still starts the mock, and the mock's parent is gone before it runs.
  // Made certain here: the mock is told (as npm start tells it) of a starter that is not its parent.
  it("a mock whose starter was gone before it started ends by itself, and frees the port", { timeout: 90_000 }, async () => {
    mark = randomUUID();
    const url = `http://127.0.0.1:${await freePort()}`;
    const mock = start(process.execPath, ["--import", "tsx", "mock/node/cli.ts", "--port", new URL(url).port, "--quiet"], { MOCK_PARENT_PID: String(process.ppid) });
    const exitCode = new Promise((resolve) => mock.once("exit", resolve));
    await eventually("free of the mock's processes", () => marked().length === 0, 60_000);
    // Ended by itself, as after a SIGINT: exit code 0.
    expect(await exitCode).toBe(0);
    expect(await answers(url)).toBe(false);
  });

  describe.each(signals)("a vitest run serving the mock, then %s to vitest", (signal) => {
    it("leaves no worker and frees the port", { timeout: 90_000 }, async () => {
      mark = randomUUID();
      const dir = mkdtempSync(join(tmpdir(), "albums-orphans-"));
      try {
        const urlFile = join(dir, "url");
        const vitest = join(projectRoot, "node_modules/vitest/vitest.mjs");
        const run = start(process.execPath, [vitest, "run", "--config", "test/fixtures/orphans/vitest.config.ts"], { ORPHANS_URL_FILE: urlFile });
        let url = "";
        await eventually("serving", () => {
          try {
            url = readFileSync(urlFile, "utf8");
          } catch {
            return false;
          }
          return url !== "";
        }, 60_000);
        expect(await answers(url)).toBe(true);
        run.kill(signal);
        await eventually("free of the run's processes", () => marked().length === 0);
        expect(await answers(url)).toBe(false);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
