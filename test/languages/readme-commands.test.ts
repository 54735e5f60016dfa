// The README's "Generate a client in your language" table, run as written: each command, from a
// copy of this repository's root, generates its client into clients/ and writes nowhere that git
// would see. The languages' own tests build and run the clients; this holds the README to them.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/redocly.ts";
import { findCommand, goBin, missingLanguageTools, run } from "./support.ts";

const readme = readFileSync(join(projectRoot, "README.md"), "utf8");
const table = /## Generate a client in your language[\s\S]*?\n(\| language \|[\s\S]*?)\n\n/.exec(readme)?.[1] ?? "";
const rows = table
  .split("\n")
  .slice(2)
  .map((row) => {
    const cells = row.split(" | ");
    return { language: (cells[0] ?? "").replace(/^\| /, ""), generator: cells[1] ?? "", command: /`([^`]+)`/.exec(cells[3] ?? "")?.[1] ?? "" };
  });

const tools = { java: findCommand("java"), go: findCommand("go"), "openapi-python-client": findCommand("openapi-python-client"), ogen: findCommand("ogen", [goBin()]), "oapi-codegen": findCommand("oapi-codegen", [goBin()]) };
const missing = missingLanguageTools("The README's generator commands", tools);

describe.skipIf(missing !== undefined)("the README's generator commands", () => {
  let root = "";
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "albums-readme-commands-"));
    for (const folder of ["generated", "generators"]) cpSync(join(projectRoot, folder), join(root, folder), { recursive: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** Where each row's command writes, in the table's order. */
  const outputs = ["python", "go", "go-ogen", "java", "typescript", "rust", "kotlin", "typescript-fetch", "typescript-axios", "go-openapi-generator", "python-openapi-generator", "php"];

  it("are all there: twelve generators", () => {
    expect(rows.map((row) => row.language)).toEqual(["Python", "Go", "Go", "Java", "TypeScript", "Rust", "Kotlin", "TypeScript", "TypeScript", "Go", "Python", "PHP"]);
    for (const row of rows) expect(row.command, row.language).not.toBe("");
  });

  it.each(rows.map((row, index) => [`${row.language}, into clients/${outputs[index]}`, row, outputs[index] as string] as const))("%s", { timeout: 300_000 }, (_, row, output) => {
    // As a user types it in a shell, with Go's tools on PATH as the README's install leaves them.
    run("bash", ["-c", row.command], { cwd: root, env: { PATH: `${process.env.PATH}:${goBin()}`, HOME: process.env.HOME ?? "" } });
    expect(readdirSync(join(root, "clients", output)).length, `clients/${output} is empty`).toBeGreaterThan(0);
    // Nothing but clients/ and what .gitignore already ignores (the generator's node_modules).
    expect(readdirSync(root).sort()).toEqual(["clients", "generated", "generators"]);
  });
});
