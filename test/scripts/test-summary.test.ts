// npm test's closing line: the counts of a real vitest run, in the form CI reads at the end of a
// run ("N passed, N failed", one word and a colon before it, ", N skipped" after it).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/redocly.ts";
import { closingLine, readVitestCounts, skippedTestReasons, testsFailRun } from "../../scripts/test-summary.ts";
import { toolBudgetMs } from "../support/budgets.ts";

const ciForm = /^\w+: \d+ passed, \d+ failed(, \d+ skipped)?$/;
const dir = mkdtempSync(join(tmpdir(), "test-summary-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs vitest (this project's) on one test file and returns the path of its JSON report. */
function vitestReportOf(source: string): string {
  writeFileSync(join(dir, "sample.test.js"), source);
  const report = join(dir, "report.json");
  rmSync(report, { force: true });
  spawnSync(process.execPath, [join(projectRoot, "node_modules/vitest/vitest.mjs"), "run", "--root", dir, "--globals", "--reporter=json", `--outputFile.json=${report}`], {
    cwd: dir,
    stdio: "ignore",
    env: { ...process.env, CI: "" },
  });
  return report;
}

describe("npm test's closing line", { timeout: toolBudgetMs }, () => {
  it("counts what vitest passed, failed and skipped", () => {
    const report = vitestReportOf(`
      it("passes", () => {});
      it("passes too", () => {});
      it("fails", () => { throw new Error("on purpose"); });
      describe.skip("Go (a generator this machine lacks)", () => { it("is skipped", () => {}); });
      it.todo("is to do");
    `);
    const counts = readVitestCounts(report);
    // What npm test's table says was skipped: the block, or the file of a test outside any.
    expect(skippedTestReasons(report)).toEqual(["Go (a generator this machine lacks)", expect.stringMatching(/sample\.test\.js$/)]);
    expect(counts).toEqual({ passed: 2, failed: 1, skipped: 2 });
    expect(closingLine(counts)).toBe("vitest: 2 passed, 1 failed, 2 skipped");
    expect(closingLine(counts)).toMatch(ciForm);
  });

  it("counts a file that failed outside its tests (a hook) as a failure, its passed tests as passed", () => {
    const counts = readVitestCounts(
      vitestReportOf(`
        afterAll(() => { throw new Error("a clean-up that failed"); });
        it("passes", () => {});
        it("passes too", () => {});
      `),
    );
    expect(counts).toEqual({ passed: 2, failed: 1, skipped: 0 });
    expect(closingLine(counts)).toBe("vitest: 2 passed, 1 failed");
    expect(testsFailRun(counts, {})).toBe(true);
  });

  it("is in the form CI reads when nothing failed or skipped", () => {
    const counts = readVitestCounts(vitestReportOf(`it("passes", () => {});`));
    expect(closingLine(counts)).toBe("vitest: 1 passed, 0 failed");
    expect(closingLine(counts)).toMatch(ciForm);
    expect(testsFailRun(counts, { CI: "true" })).toBe(false);
  });

  it("fails the run when vitest wrote no report, or a report that is not vitest's", () => {
    expect(readVitestCounts(join(dir, "absent.json"))).toBeUndefined();
    writeFileSync(join(dir, "other.json"), JSON.stringify({ numPassedTests: 3 }));
    expect(readVitestCounts(join(dir, "other.json"))).toBeUndefined();
    expect(closingLine(undefined)).not.toMatch(ciForm);
    expect(testsFailRun(undefined, {})).toBe(true);
  });

  it("fails the run on a failed test, and on a skipped one only under CI=true", () => {
    expect(testsFailRun({ passed: 5, failed: 1, skipped: 0 }, {})).toBe(true);
    expect(testsFailRun({ passed: 5, failed: 0, skipped: 1 }, {})).toBe(false);
    expect(testsFailRun({ passed: 5, failed: 0, skipped: 1 }, { CI: "true" })).toBe(true);
  });
});
