// `npm test`: every check of the project. Each step runs whatever the others did, and the run
// ends with one table of every step and every failure, so that one failing check never hides
// another. Independent light steps run two at a time (the machine has two cores); the vitest
// run, which spreads over both cores itself, runs alone. Each step's output is printed whole
// when it ends, not interleaved with the others'.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./redocly.ts";
import { closingLine, readVitestCounts, testsFailRun } from "./test-summary.ts";

interface Step {
  name: string;
  /** An npm script of package.json. */
  script: string;
  /** Extra arguments for the script. */
  args?: string[];
}

// vitest's own counts, read back for the run's closing line (scripts/test-summary.ts).
const vitestReport = join(projectRoot, "reports/vitest.json");

/** Phases run one after the other; the steps of a phase, at most `parallel` at a time. */
const phases: Array<{ parallel: number; steps: Step[] }> = [
  {
    parallel: 2,
    steps: [
      { name: "lint", script: "lint" },
      { name: "generated/ is fresh", script: "check:generated" },
      { name: "release gate", script: "diff" },
      { name: "score", script: "score" },
      { name: "types", script: "typecheck" },
      { name: "package", script: "check:package" },
    ],
  },
  {
    parallel: 1,
    steps: [{ name: "vitest projects", script: "test:vitest", args: ["--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`] }],
  },
  {
    parallel: 2,
    steps: [
      { name: "Arazzo workflows", script: "test:arazzo" },
      { name: "Schemathesis", script: "test:schemathesis" },
      { name: "Node 22 and 24", script: "test:runtimes" },
    ],
  },
];

interface Result {
  step: Step;
  code: number | null;
  seconds: number;
}

/** The steps running now, each the leader of its own process group. */
const running = new Set<number>();

function run(step: Step): Promise<Result> {
  const started = performance.now();
  return new Promise((resolve) => {
    // A process group of its own, so that a signal to this run reaches everything the step started.
    const child = spawn("npm", ["run", "--silent", step.script, ...(step.args ? ["--", ...step.args] : [])], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"], detached: true });
    if (child.pid) running.add(child.pid);
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("close", (code) => {
      if (child.pid) running.delete(child.pid);
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(`\n━━ ${step.name} (npm run ${step.script}): ${code === 0 ? "passed" : `FAILED (exit ${code})`} in ${seconds.toFixed(1)} s\n`);
      process.stdout.write(Buffer.concat(chunks));
      resolve({ step, code, seconds });
    });
  });
}

async function runPhase(steps: Step[], parallel: number): Promise<Result[]> {
  const results: Result[] = [];
  const queue = [...steps];
  await Promise.all(
    Array.from({ length: Math.min(parallel, steps.length) }, async () => {
      for (let step = queue.shift(); step; step = queue.shift()) results.push(await run(step));
    }),
  );
  return results;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const pid of running) {
      try {
        process.kill(-pid, signal);
      } catch {
        // Already gone.
      }
    }
    process.exit(1);
  });
}

rmSync(vitestReport, { force: true });
const results: Result[] = [];
for (const phase of phases) results.push(...(await runPhase(phase.steps, phase.parallel)));

const failed = results.filter((result) => result.code !== 0);
console.log("\n━━ Summary");
for (const { step, code, seconds } of results) {
  console.log(`${code === 0 ? "  ok  " : "  FAIL"}  ${step.name.padEnd(24)} ${seconds.toFixed(1).padStart(6)} s   npm run ${step.script}`);
}
console.log(failed.length === 0 ? `\nAll ${results.length} steps passed.` : `\n${failed.length} of ${results.length} steps failed: ${failed.map((r) => r.step.name).join(", ")}.`);
const counts = readVitestCounts(vitestReport);
if (process.env.CI === "true" && (counts?.skipped ?? 0) > 0) {
  console.log("CI=true, and vitest skipped tests: every check must run in CI (the skipped ones are marked above).");
}
console.log(closingLine(counts));
process.exitCode = failed.length === 0 && !testsFailRun(counts, process.env) ? 0 : 1;
