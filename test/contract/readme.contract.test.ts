// The README's client example is examples/quick-start.ts, word for word, and it runs as a
// newcomer runs it (`npm run example`, with tsx) against the mock, printing what its comments say.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, inject, it } from "vitest";
import { projectRoot } from "../../scripts/redocly.ts";
import { processBudgetMs } from "../support/budgets.ts";

const example = readFileSync(join(projectRoot, "examples/quick-start.ts"), "utf8");

it("the README shows examples/quick-start.ts as it is", () => {
  const readme = readFileSync(join(projectRoot, "README.md"), "utf8");
  const shown = /<!-- examples\/quick-start\.ts -->\s*```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(shown, "README.md has no ```ts block after <!-- examples/quick-start.ts -->").toBe(example);
});

it("examples/quick-start.ts prints the album, the library and the typed error", { timeout: processBudgetMs }, () => {
  const runnable = example
    // The package's name resolves to its build (dist/): here the source stands in for it.
    .replace('"amazon-music-albums-v1"', JSON.stringify(join(projectRoot, "src/index.ts")))
    .replace('accessToken: "my-user"', `accessToken: "readme-${process.pid}"`)
    .replace("http://127.0.0.1:4010", inject("mockUrl"));
  const dir = mkdtempSync(join(tmpdir(), "albums-readme-"));
  try {
    // .mts: an ES module wherever it lies, so top-level await works as it does in this repository.
    writeFileSync(join(dir, "quick-start.mts"), runnable);
    const tsx = join(projectRoot, "node_modules/tsx/dist/cli.mjs");
    const printed = execFileSync(process.execPath, [tsx, join(dir, "quick-start.mts")], { encoding: "utf8", timeout: processBudgetMs });
    expect(printed.trim().split("\n")).toEqual(["Discovery 14", "in my library: B00D3PLC1K Around the world", "404 RESOURCE_NOT_FOUND"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it("the quick start's curl commands get the album, save one, and list it, against the mock", { timeout: processBudgetMs }, () => {
  const block = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readFileSync(join(projectRoot, "README.md"), "utf8"))?.[1] ?? "";
  const curls = block.split("\n").filter((line) => line.startsWith("curl "));
  expect(curls).toHaveLength(3);
  const answers = curls.map((line) =>
    JSON.parse(execFileSync("bash", ["-c", `${line.replace("http://127.0.0.1:4010", inject("mockUrl"))} --silent --fail-with-body`], { encoding: "utf8", timeout: processBudgetMs })) as { data: Record<string, unknown> },
  );
  expect(answers.map((answer) => Object.keys(answer.data))).toEqual([["album"], ["saveAlbum"], ["user"]]);
  expect(JSON.stringify(answers[2])).toContain('"B00D3PLC1K"');
});
