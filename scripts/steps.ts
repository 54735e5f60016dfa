// Runs the steps of `npm test` (scripts/test-all.ts): npm scripts, in phases one after the other,
// the steps of a phase at most `parallel` at a time, each whatever the others did. It says as it
// goes which step starts and how each ended, with the count so far; a step's output is printed
// whole when it ends (parallel steps would interleave), or as it comes when its phase streams.
import { spawn } from "node:child_process";
import { skippedExitCode, skippedPrefix } from "./skip-step.ts";

export interface Step {
  name: string;
  /** An npm script of package.json. */
  script: string;
  /** Extra arguments for the script. */
  args?: string[];
}

export interface Phase {
  /** How many of its steps may run at once. */
  parallel: number;
  /** Print each step's output as it comes (for a phase of one step). */
  stream: boolean;
  steps: Step[];
}

export type Outcome = "passed" | "FAILED" | "skipped";

export interface StepResult {
  step: Step;
  outcome: Outcome;
  code: number | null;
  seconds: number;
  /** Why a skipped step did not run. */
  note?: string;
}

export interface RunOptions {
  /** The folder whose package.json has the scripts. */
  cwd: string;
  /** Where progress and the steps' output go. */
  write(text: string): void;
}

/** The steps running now, each the leader of its own process group: a signal to the run is passed on to them. */
export const running = new Set<number>();

export async function runPhases(phases: Phase[], options: RunOptions): Promise<StepResult[]> {
  const total = phases.reduce((sum, phase) => sum + phase.steps.length, 0);
  const results: StepResult[] = [];
  let started = 0;

  const run = (step: Step, stream: boolean) =>
    new Promise<StepResult>((resolve) => {
      const since = performance.now();
      options.write(`\n▶ ${step.name} (npm run ${step.script}), step ${++started} of ${total}\n`);
      // A process group of its own, so that a signal to this run reaches everything the step started.
      const child = spawn("npm", ["run", "--silent", step.script, ...(step.args ? ["--", ...step.args] : [])], {
        cwd: options.cwd,
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      if (child.pid) running.add(child.pid);
      const chunks: Buffer[] = [];
      const keep = (chunk: Buffer) => {
        chunks.push(chunk);
        if (stream) options.write(chunk.toString("utf8"));
      };
      child.stdout.on("data", keep);
      child.stderr.on("data", keep);
      child.on("close", (code) => {
        if (child.pid) running.delete(child.pid);
        const seconds = (performance.now() - since) / 1000;
        const output = Buffer.concat(chunks).toString("utf8");
        const outcome: Outcome = code === 0 ? "passed" : code === skippedExitCode ? "skipped" : "FAILED";
        const result: StepResult = { step, outcome, code, seconds };
        if (outcome === "skipped") {
          const reason = output.split("\n").findLast((line) => line.startsWith(skippedPrefix));
          result.note = reason?.slice(skippedPrefix.length) ?? "the step gave no reason";
        }
        results.push(result);
        if (!stream) options.write(output);
        const failed = results.filter((r) => r.outcome === "FAILED").length;
        const how = outcome === "FAILED" ? `FAILED (exit ${code})` : outcome === "skipped" ? `skipped: ${result.note}` : "passed";
        options.write(`■ ${step.name}: ${how}, in ${seconds.toFixed(1)} s. ${results.length} of ${total} steps done, ${failed} failed so far.\n`);
        resolve(result);
      });
    });

  for (const phase of phases) {
    const queue = [...phase.steps];
    await Promise.all(
      Array.from({ length: Math.min(phase.parallel, phase.steps.length) }, async () => {
        for (let step = queue.shift(); step; step = queue.shift()) await run(step, phase.stream);
      }),
    );
  }
  return results;
}

/** The table of every step: ok, skip (and why) or FAIL, with its time and its command. */
export function summary(results: StepResult[]): string {
  const rows = results.map(({ step, outcome, seconds, note }) => {
    const mark = outcome === "passed" ? "  ok  " : outcome === "skipped" ? "  skip" : "  FAIL";
    return `${mark}  ${step.name.padEnd(24)} ${seconds.toFixed(1).padStart(6)} s   npm run ${step.script}${note ? `   (${note})` : ""}`;
  });
  const failed = results.filter((result) => result.outcome === "FAILED");
  const skipped = results.filter((result) => result.outcome === "skipped");
  const verdict =
    failed.length === 0
      ? `All ${results.length} steps passed${skipped.length > 0 ? `, but ${skipped.length} skipped: ${skipped.map((r) => r.step.name).join(", ")}` : ""}.`
      : `${failed.length} of ${results.length} steps failed: ${failed.map((r) => r.step.name).join(", ")}.`;
  return `${rows.join("\n")}\n\n${verdict}`;
}

/**
 * Steps CI ran before `npm test` (.ci/run), as it hands them over in CI_STEPS_BEFORE: one
 * `<script>=<exit code>:<seconds>` per step, separated by spaces. They join the summary table, and
 * one that failed fails the run, so that a failure there never stops the run before the tests and
 * their closing line.
 */
export function stepsBefore(text: string | undefined): StepResult[] {
  const results: StepResult[] = [];
  for (const entry of (text ?? "").split(" ").filter(Boolean)) {
    const match = /^([\w:.-]+)=(\d+):(\d+)$/.exec(entry);
    if (!match) throw new Error(`CI_STEPS_BEFORE: "${entry}" is not <script>=<exit code>:<seconds>.`);
    // The three groups take part in every match.
    const [, script, code, seconds] = match as unknown as [string, string, string, string];
    results.push({ step: { name: `(CI) ${script}`, script }, outcome: code === "0" ? "passed" : "FAILED", code: Number(code), seconds: Number(seconds) });
  }
  return results;
}
