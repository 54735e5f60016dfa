// npm test's step runner (scripts/steps.ts), on npm scripts of a throwaway project: every step
// runs whatever the others did; each ends passed, FAILED or skipped (exit 77, with the reason it
// printed); progress says which step starts and how each ended, with the count so far.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runPhases, stepsBefore, summary } from "../../scripts/steps.ts";
import { processBudgetMs } from "../support/budgets.ts";

const dir = mkdtempSync(join(tmpdir(), "albums-steps-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const node = (code: string) => `node -e ${JSON.stringify(code)}`;
writeFileSync(
  join(dir, "package.json"),
  JSON.stringify({
    name: "steps-test",
    private: true,
    scripts: {
      fine: node("console.log('fine output')"),
      broken: node("console.log('broken output'); process.exit(3)"),
      absent: node("console.log('looking for a tool'); console.log('Skipped: no such tool here: install it'); process.exit(77)"),
      streamed: node("console.log('streamed output')"),
    },
  }),
);

it("runs every step whatever the others did, and tells passed, failed and skipped apart", { timeout: processBudgetMs }, async () => {
  let printed = "";
  const results = await runPhases(
    [
      { parallel: 2, stream: false, steps: [{ name: "broken step", script: "broken" }, { name: "fine step", script: "fine" }] },
      { parallel: 1, stream: true, steps: [{ name: "streamed step", script: "streamed" }] },
      { parallel: 1, stream: false, steps: [{ name: "absent tool", script: "absent" }] },
    ],
    { cwd: dir, write: (text) => (printed += text) },
  );
  expect(results.map(({ step, outcome, code, note }) => ({ name: step.name, outcome, code, note }))).toEqual([
    expect.objectContaining({ name: expect.any(String), outcome: expect.any(String) }),
    expect.objectContaining({ name: expect.any(String), outcome: expect.any(String) }),
    { name: "streamed step", outcome: "passed", code: 0, note: undefined },
    { name: "absent tool", outcome: "skipped", code: 77, note: "no such tool here: install it" },
  ]);
  const byName = Object.fromEntries(results.map((result) => [result.step.name, result.outcome]));
  expect(byName).toMatchObject({ "broken step": "FAILED", "fine step": "passed" });

  for (const line of ["▶ streamed step (npm run streamed), step 3 of 4", "broken output", "fine output", "streamed output", "■ absent tool: skipped: no such tool here: install it, in"]) {
    expect(printed).toContain(line);
  }
  expect(printed).toMatch(/■ broken step: FAILED \(exit 3\), in \d+\.\d s\. \d of 4 steps done, 1 failed so far\./);
  expect(printed).toMatch(/■ absent tool: skipped: .* 4 of 4 steps done, 1 failed so far\./);

  const table = summary(results);
  expect(table).toMatch(/^ {2}FAIL {2}broken step/m);
  expect(table).toMatch(/^ {2}ok {4}fine step/m);
  expect(table).toMatch(/^ {2}skip {2}absent tool .*\(no such tool here: install it\)$/m);
  expect(table.endsWith("1 of 4 steps failed: broken step.")).toBe(true);
});

it("says when all passed but some were skipped", () => {
  const result = (name: string, outcome: "passed" | "skipped") => ({ step: { name, script: name }, outcome, code: outcome === "passed" ? 0 : 77, seconds: 1 });
  expect(summary([result("a", "passed"), result("b", "skipped")]).endsWith("All 2 steps passed, but 1 skipped: b.")).toBe(true);
  expect(summary([result("a", "passed")]).endsWith("All 1 steps passed.")).toBe(true);
});

it("reads the steps CI ran before npm test, and refuses a hand-over it cannot read", () => {
  const results = stepsBefore("test:mutation=1:2950 test:stress=0:420");
  expect(results.map(({ step, outcome, code, seconds }) => [step.name, step.script, outcome, code, seconds])).toEqual([
    ["(CI) test:mutation", "test:mutation", "FAILED", 1, 2950],
    ["(CI) test:stress", "test:stress", "passed", 0, 420],
  ]);
  expect(summary(results).endsWith("1 of 2 steps failed: (CI) test:mutation.")).toBe(true);
  expect(stepsBefore(undefined)).toEqual([]);
  expect(stepsBefore("")).toEqual([]);
  expect(() => stepsBefore("test:mutation=failed")).toThrow('CI_STEPS_BEFORE: "test:mutation=failed" is not <script>=<exit code>:<seconds>.');
});
