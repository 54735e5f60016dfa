// The scripts' exit codes, which CI and the release rely on, each run for real in a copy of the
// project both ways: npm test fails when a step fails (its last line still vitest's count), the
// freshness check fails when generated/ is stale, and the Arazzo and Schemathesis runs fail when
// what they check does not hold.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyProject, type ProjectCopy } from "../release/project-copy.ts";
import { toolBudgetMs } from "../support/budgets.ts";
import { findCommand, missingTools } from "../support/tools.ts";

describe("the scripts' exit codes, in a copy of the project", { timeout: toolBudgetMs }, () => {
  let copy: ProjectCopy;
  beforeAll(() => {
    copy = copyProject("true");
  }, toolBudgetMs);
  // Removing a copy of the project, its builds included, can take more than 10 s on a busy machine.
  afterAll(() => copy?.remove(), toolBudgetMs);

  it("npm test exits 1 when a step fails, and 0 when every step passes; its last line is vitest's count either way", () => {
    // Every step of npm test a stand-in: the runner and its verdict are under test, not the checks.
    const original = copy.read("package.json");
    const manifest = JSON.parse(original) as { scripts: Record<string, string> };
    // vitest's stand-in writes the report npm test reads its count from (whatever arguments it is given).
    copy.write(
      "fake-vitest.cjs",
      `require("node:fs").mkdirSync("reports", { recursive: true });\nrequire("node:fs").writeFileSync("reports/vitest.json", JSON.stringify({ numPassedTests: 3, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 }));\n`,
    );
    const fakeVitest = "node fake-vitest.cjs";
    const steps = ["lint", "check:generated", "diff", "score", "typecheck", "check:package", "test:arazzo", "test:schemathesis", "test:runtimes"];
    const write = (failing: string | undefined) => {
      for (const step of steps) manifest.scripts[step] = step === failing ? "exit 3" : "true";
      manifest.scripts["test:vitest"] = fakeVitest;
      copy.write("package.json", `${JSON.stringify(manifest, null, 2)}\n`);
    };
    // Not CI's own hand-over either, when this test runs inside CI's npm test.
    const npmTest = (stepsBefore?: string) => copy.run(process.execPath, ["--import", "tsx", "scripts/test-all.ts"], { CI: undefined, CI_STEPS_BEFORE: stepsBefore });

    let failing: ReturnType<typeof npmTest>;
    let failedBefore: ReturnType<typeof npmTest>;
    let passing: ReturnType<typeof npmTest>;
    try {
      write("lint");
      failing = npmTest();
      write(undefined);
      passing = npmTest();
      // A step .ci/run ran before npm test failed: npm test still runs every step, then fails.
      failedBefore = npmTest("test:mutation=1:60 test:stress=0:30");
    } finally {
      // The other tests run the copy's real scripts.
      copy.write("package.json", original);
    }
    expect(failing.status).toBe(1);
    expect(failing.output).toContain("1 of 10 steps failed: lint.");
    expect(failing.output.trimEnd().split("\n").at(-1)).toBe("vitest: 3 passed, 0 failed");

    expect(passing.status).toBe(0);
    expect(passing.output.trimEnd().split("\n").at(-1)).toBe("vitest: 3 passed, 0 failed");

    expect(failedBefore.status).toBe(1);
    expect(failedBefore.output).toContain("1 of 12 steps failed: (CI) test:mutation.");
    expect(failedBefore.output.trimEnd().split("\n").at(-1)).toBe("vitest: 3 passed, 0 failed");
  });

  it("the freshness check passes on generated/ as openapi/ makes it, and fails when it is stale", () => {
    expect(copy.run("npm", ["run", "--silent", "check:generated"]).status).toBe(0);
    const bundle = copy.read("generated/openapi.json");
    copy.write("generated/openapi.json", bundle.replace('"title": "Amazon Music Web API: Albums v1"', '"title": "Something else"'));
    expect(copy.read("generated/openapi.json")).not.toBe(bundle);
    const stale = copy.run("npm", ["run", "--silent", "check:generated"]);
    expect(stale.status).toBe(1);
    expect(stale.output).toContain("generated/ is stale: openapi.json");
    copy.write("generated/openapi.json", bundle);
  });

  it("the Arazzo run passes, and fails when a workflow's expectation does not hold", () => {
    expect(copy.run("npm", ["run", "--silent", "test:arazzo"]).status).toBe(0);
    const workflow = "openapi/workflows/multi-get.arazzo.yaml";
    const text = copy.read(workflow);
    copy.write(workflow, text.replaceAll("$statusCode == 200", "$statusCode == 201"));
    const failing = copy.run("npm", ["run", "--silent", "test:arazzo"]);
    copy.write(workflow, text);
    expect(failing.status).toBe(1);
    expect(failing.output).toContain("1 of 2 workflow files failed.");
  });

  const schemathesis = findCommand("schemathesis");
  const missing = missingTools("The Schemathesis exit-code test", { schemathesis }, "pip install -r .ci/requirements.txt");
  it.skipIf(missing !== undefined)("the Schemathesis run passes, and fails when the mock's answers break the description it reads", () => {
    expect(copy.run("npm", ["run", "--silent", "test:schemathesis"]).status).toBe(0);
    // The description Schemathesis reads says every album has a label; the mock's generated albums have none.
    const bundle = "generated/openapi.yaml";
    const text = copy.read(bundle);
    copy.write(bundle, text.replace(/( {4}Album:\n {6}type: object\n(?: {6}.*\n)*? {6}required:\n)/, "$1        - label\n"));
    expect(copy.read(bundle)).not.toBe(text);
    const failing = copy.run("npm", ["run", "--silent", "test:schemathesis"]);
    copy.write(bundle, text);
    expect(failing.status).toBe(1);
  });
});
