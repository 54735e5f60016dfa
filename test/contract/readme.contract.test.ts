// The README's client example, run as a newcomer would (`npx tsx`), against the mock.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, inject, it } from "vitest";
import { projectRoot } from "../../scripts/redocly.ts";

const root = projectRoot;

it("the README's client example prints the album's title", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const example = /<!-- client-example -->\s*```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(example, "README.md has no ```ts block after <!-- client-example -->").toBeDefined();
  const runnable = (example as string)
    .replace('"./src/index.ts"', JSON.stringify(join(root, "src/index.ts")))
    .replace("http://127.0.0.1:4010", inject("mockUrl"));
  const dir = mkdtempSync(join(tmpdir(), "albums-readme-"));
  try {
    // .mts: an ES module wherever it lies, so top-level await works as it does in this repository.
    writeFileSync(join(dir, "example.mts"), runnable);
    const tsx = join(root, "node_modules/tsx/dist/cli.mjs");
    const printed = execFileSync(process.execPath, [tsx, join(dir, "example.mts")], { encoding: "utf8", timeout: 20_000 });
    expect(printed.trim().split("\n")).toEqual(["Discovery", "[ 'B07B62ZK5S', 'B06VWVWDDH' ]"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
