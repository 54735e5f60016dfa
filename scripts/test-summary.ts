// The closing line of `npm test`: vitest's count of tests, read from its JSON report, in the form
// CI reads at the end of a run ("N passed, N failed" after one word and a colon) to tell a run
// that tested something from one that tested nothing.
import { readFileSync } from "node:fs";

export interface TestCounts {
  passed: number;
  failed: number;
  /** Skipped and to-do tests. */
  skipped: number;
}

/**
 * The counts of a vitest JSON report, or undefined when there is none (vitest did not get to the
 * end). `failed` counts the failed tests and the files that failed outside any test.
 */
export function readVitestCounts(reportPath: string): TestCounts | undefined {
  let report: Record<string, unknown>;
  try {
    report = JSON.parse(readFileSync(reportPath, "utf8")) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const count = (name: string) => (typeof report[name] === "number" ? report[name] : Number.NaN);
  // A file that failed outside its tests (a hook that timed out, an import that threw) counts as
  // one failure: its tests may all have passed, and "0 failed" would stand over a failed run.
  const files = Array.isArray(report.testResults) ? (report.testResults as Array<{ status?: unknown; assertionResults?: Array<{ status?: unknown }> }>) : [];
  const failedOutsideTests = files.filter((file) => file.status === "failed" && !(file.assertionResults ?? []).some((test) => test.status === "failed")).length;
  const counts = { passed: count("numPassedTests"), failed: count("numFailedTests") + failedOutsideTests, skipped: count("numPendingTests") + count("numTodoTests") };
  return Object.values(counts).every(Number.isInteger) ? counts : undefined;
}

/**
 * What vitest skipped, by the outermost describe block of each skipped test (such as "Go (oapi-codegen)"),
 * or its file when it has none: each test that lacks a tool says why as it is collected.
 */
export function skippedTestReasons(reportPath: string): string[] {
  let report: { testResults?: Array<{ name?: string; assertionResults?: Array<{ status?: string; ancestorTitles?: string[] }> }> };
  try {
    report = JSON.parse(readFileSync(reportPath, "utf8")) as typeof report;
  } catch {
    return [];
  }
  const names = new Set<string>();
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === "skipped" || test.status === "pending" || test.status === "todo") names.add(test.ancestorTitles?.[0] ?? file.name ?? "a test");
    }
  }
  return [...names];
}

export function closingLine(counts: TestCounts | undefined): string {
  if (!counts) return "vitest: wrote no report (see its output above)";
  return `vitest: ${counts.passed} passed, ${counts.failed} failed${counts.skipped > 0 ? `, ${counts.skipped} skipped` : ""}`;
}

/** Whether the counts fail the run: under CI=true nothing may be skipped (a skip there hides a missing install step). */
export function testsFailRun(counts: TestCounts | undefined, env: NodeJS.ProcessEnv): boolean {
  return counts === undefined || counts.failed > 0 || (env.CI === "true" && counts.skipped > 0);
}
