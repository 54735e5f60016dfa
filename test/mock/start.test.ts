// What `npm start` (mock/start.mjs) does before the mock's command runs, in a copy of the project
// (it writes generated/ and mock/dist/): it builds the mock when there is no build or mock/ changed
// since, regenerates generated/ when openapi/ changed, and otherwise goes straight to the command.
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyProject, type ProjectCopy } from "../release/project-copy.ts";
import { toolBudgetMs } from "../support/budgets.ts";

describe("npm start, in a copy of the project", { timeout: toolBudgetMs }, () => {
  let copy: ProjectCopy;
  beforeAll(() => {
    copy = copyProject("true");
  }, toolBudgetMs);
  // Removing a copy of the project, its builds included, can take more than 10 s on a busy machine.
  afterAll(() => copy?.remove(), toolBudgetMs);

  const start = () => {
    const result = copy.run(process.execPath, ["mock/start.mjs", "--list-albums", "--albums", "0"]);
    expect(result.status, result.output).toBe(0);
    const lines = result.output.trim().split("\n");
    // The catalog's five albums, whatever was done before.
    expect(lines.slice(-5).every((line) => /^[A-Z0-9]{10}\t/.test(line))).toBe(true);
    return lines.slice(0, -5);
  };

  it("builds the mock the first time, and then goes straight to the command", () => {
    expect(start()).toEqual(["Building the mock (mock/dist)…"]);
    expect(start()).toEqual([]);
  });

  it("builds it again when mock/ changed", () => {
    appendFileSync(join(copy.root, "mock/core/catalog.ts"), "\n// A change.\n");
    expect(start()).toEqual(["Building the mock (mock/dist)…"]);
    expect(start()).toEqual([]);
  });

  it("regenerates generated/ when openapi/ changed, then builds the mock from it", () => {
    const market = "openapi/components/schemas/Market.yaml";
    copy.write(market, copy.read(market).replace("A market (country) where an item is available.", "A market (a country) where an item is available."));
    expect(start()).toEqual(["openapi/ changed since generated/ was written: regenerating it (npm run generate)…", expect.stringMatching(/^Wrote /), "Building the mock (mock/dist)…"]);
    expect(start()).toEqual([]);
  });
});
