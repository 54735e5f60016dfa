// npm run test:mutation [-- <target>...] [--full]
//
// Runs StrykerJS once per target of stryker.config.mjs: the ones named, or all of them. By
// default a run is incremental: only the mutants whose code or covering tests changed since the
// target's committed incremental file (test/mutation/<target>.incremental.json) are tested, the
// others keep their recorded result. --full tests every mutant again and rewrites that file. A
// run whose results are the same as the file's leaves its committed text as it was.
// Every target runs even when one fails; the exit code is non-zero if any did (a score under the
// break threshold included).
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { constants } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { keepIfUnchanged } from "./incremental-file.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const config = `${root}stryker.config.mjs`;
const stryker = `${root}node_modules/@stryker-mutator/core/bin/stryker.js`;

const args = process.argv.slice(2);
const flags = args.filter((arg) => arg.startsWith("-"));
const named = args.filter((arg) => !arg.startsWith("-"));
const { targets, incrementalFile } = (await import(pathToFileURL(config).href)) as {
  targets: Record<string, unknown>;
  incrementalFile: (target: string) => string;
};
const known = Object.keys(targets);

const problems = [
  ...flags.filter((flag) => flag !== "--full").map((flag) => `unknown option ${flag}`),
  ...named.filter((name) => !known.includes(name)).map((name) => `unknown target ${name}`),
];
if (problems.length > 0) {
  console.error(`${problems.join("; ")}.\nUsage: npm run test:mutation [-- <target>...] [--full]; targets: ${known.join(", ")}.`);
  process.exit(2);
}

const full = flags.includes("--full");
const failed: string[] = [];
let stoppedBy: NodeJS.Signals | undefined;
for (const target of named.length > 0 ? named : known) {
  if (stoppedBy) break;
  console.log(`\nMutation testing of ${target} (${full ? "full" : "incremental"}).`);
  const results = `${root}${incrementalFile(target)}`;
  const before = existsSync(results) ? readFileSync(results, "utf8") : undefined;
  const code = await runStryker(target, full);
  if (existsSync(results)) keepIfUnchanged(results, before);
  if (code !== 0) failed.push(`${target} (exit ${code})`);
}
if (failed.length > 0) {
  console.error(`\nMutation testing failed for ${failed.join(", ")}.`);
  process.exit(1);
}

function runStryker(target: string, full: boolean): Promise<number> {
  const child = spawn(process.execPath, [stryker, "run", config, ...(full ? ["--force"] : [])], {
    cwd: root,
    env: { ...process.env, MUTATION_TARGET: target },
    stdio: "inherit",
  });
  // Stryker ends its own workers when it is stopped: pass a stop on to it, and wait for it.
  const forward = (signal: NodeJS.Signals) => {
    stoppedBy = signal;
    child.kill(signal);
  };
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  return new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
    child.on("error", (error) => {
      console.error(error);
      resolve(1);
    });
  });
}
