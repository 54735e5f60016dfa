// Stryker rewrites its incremental file on every run, numbering the tests afresh each time: a run
// that changed nothing would still leave a diff of thousands of lines in a committed file. This
// puts the committed text back when the results are the same (same sources, same tests, each
// mutant with the same status, killed and covered by the same tests).
import { readFileSync, writeFileSync } from "node:fs";

interface Report {
  files: Record<string, { source: string; mutants: Array<Mutant> }>;
  testFiles?: Record<string, { source?: string; tests: Array<{ id: string; name: string }> }>;
}

interface Mutant {
  mutatorName: string;
  replacement?: string;
  location: unknown;
  status: string;
  killedBy?: string[];
  coveredBy?: string[];
}

/** Restores `before` (the file's text before the run) if the run's results are the same as its. */
export function keepIfUnchanged(path: string, before: string | undefined): void {
  if (before === undefined) return;
  const after = readFileSync(path, "utf8");
  if (after !== before && results(after) === results(before)) writeFileSync(path, before);
}

/** What a report says, without Stryker's numbering of the tests: a canonical text. */
function results(text: string): string {
  const report = JSON.parse(text) as Report;
  const testName = new Map<string, string>();
  const testFiles = Object.entries(report.testFiles ?? {}).map(([file, { source, tests }]) => {
    for (const test of tests) testName.set(test.id, `${file} ${test.name}`);
    return [file, source, tests.map((test) => test.name).sort()];
  });
  const names = (ids: string[] = []) => ids.map((id) => testName.get(id) ?? id).sort();
  const files = Object.entries(report.files).map(([file, { source, mutants }]) => [
    file,
    source,
    mutants
      .map(({ mutatorName, replacement, location, status, killedBy, coveredBy }) =>
        JSON.stringify([mutatorName, replacement, location, status, names(killedBy), names(coveredBy)]),
      )
      .sort(),
  ]);
  return JSON.stringify([files.sort(byFile), testFiles.sort(byFile)]);
}

const byFile = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
