// `npm test`: every check of the project (scripts/steps.ts runs them). Each step runs whatever the
// others did, and the run ends with one table of every step (passed, failed, or skipped and why),
// so that one failing check never hides another. Independent light steps run two at a time (the
// machine has two cores), each one's output printed whole when it ends; the vitest run, which
// spreads over both cores itself, runs alone, its output streamed as it comes. The last line is
// vitest's count of tests, which CI reads.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./redocly.ts";
import { runPhases, running, stepsBefore, summary, type Phase } from "./steps.ts";
import { closingLine, readVitestCounts, skippedTestReasons, testsFailRun } from "./test-summary.ts";

// vitest's own counts, read back for the run's closing line (scripts/test-summary.ts).
const vitestReport = join(projectRoot, "reports/vitest.json");

const phases: Phase[] = [
  {
    parallel: 2,
    stream: false,
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
    stream: true,
    // A line a test file, and a test named on its own only when it takes over 30 s: on a busy
    // machine most tests pass 300 ms (vitest's default), and the log would list a thousand of them.
    steps: [
      {
        name: "vitest projects",
        script: "test:vitest",
        args: ["--reporter=default", "--slowTestThreshold=30000", "--reporter=json", `--outputFile.json=${vitestReport}`],
      },
    ],
  },
  {
    parallel: 2,
    stream: false,
    steps: [
      { name: "Arazzo workflows", script: "test:arazzo" },
      { name: "Schemathesis", script: "test:schemathesis" },
      { name: "Node 22 and 24", script: "test:runtimes" },
    ],
  },
];

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
// What CI ran before this run (.ci/run): read first, so that a malformed hand-over fails at once.
const before = stepsBefore(process.env.CI_STEPS_BEFORE);
const write = (text: string) => void process.stdout.write(text);
write(`npm test: ${phases.flatMap((phase) => phase.steps.map((step) => step.name)).join(", ")}.\n`);
const results = [...before, ...(await runPhases(phases, { cwd: projectRoot, write }))];

const counts = readVitestCounts(vitestReport);
const vitest = results.find((result) => result.step.script === "test:vitest");
if (vitest && counts && counts.skipped > 0) {
  vitest.note = `${counts.skipped} tests skipped: ${skippedTestReasons(vitestReport).join("; ")}`;
}
write(`\n━━ Summary\n${summary(results)}\n`);
if (process.env.CI === "true" && (counts?.skipped ?? 0) > 0) {
  write("CI=true, and vitest skipped tests: every check must run in CI (the skipped ones are marked above).\n");
}
process.exitCode = results.every((result) => result.outcome !== "FAILED") && !testsFailRun(counts, process.env) ? 0 : 1;
// The run's last line, which CI reads: nothing is printed after it.
write(`${closingLine(counts)}\n`);
