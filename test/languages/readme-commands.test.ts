// The README's "Generate a client in your language" table, run as written: each command, from a
// copy of this repository's root, generates its client into clients/ and writes nowhere that git
// would see. The languages' own tests build and run the clients; this holds the README to them.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/redocly.ts";
import { cacheRoot, cargoTargetDir } from "./cache.ts";
import { cargo, cargoBin } from "./cargo.ts";
import { findCommand, goBin, missingLanguageTools, run } from "./support.ts";

const readme = readFileSync(join(projectRoot, "README.md"), "utf8");
const table = /## Generate a client in your language[\s\S]*?\n(\| language \|[\s\S]*?)\n\n/.exec(readme)?.[1] ?? "";
const rows = table
  .split("\n")
  .slice(2)
  .map((row) => {
    const cells = row.split(" | ");
    // Where the command writes: the folder under clients/ that its cell names (not a file there).
    const output = /\bclients\/([\w-]+)(?![\w.-])/.exec(cells[3] ?? "")?.[1] ?? "";
    return { language: (cells[0] ?? "").replace(/^\| /, ""), generator: cells[1] ?? "", command: /`([^`]+)`/.exec(cells[3] ?? "")?.[1] ?? "", output };
  });

const tools = {
  java: findCommand("java"),
  go: findCommand("go"),
  npm: findCommand("npm"),
  "openapi-python-client": findCommand("openapi-python-client"),
  ogen: findCommand("ogen", [goBin()]),
  "oapi-codegen": findCommand("oapi-codegen", [goBin()]),
  cargo,
};
const missing = missingLanguageTools("The README's generator commands", tools);

describe.skipIf(missing !== undefined)("the README's generator commands", () => {
  // A folder of the same path every run, emptied first: the progenitor crate's build then
  // replaces its last build in the Rust clients' Cargo target folder instead of adding one. The
  // npm toolchains the commands install make the last run's folder a large one: minutes to
  // remove on a busy machine, past a hook's usual limit.
  const root = join(cacheRoot, "readme-commands");
  beforeAll(() => {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    for (const folder of ["generated", "generators"]) cpSync(join(projectRoot, folder), join(root, folder), { recursive: true });
  }, 300_000);

  it("are all there: seventeen generators, each writing into a folder of its own", () => {
    expect(rows.map((row) => row.language)).toEqual([
      "Go", "Go", "Go", "Java", "Java", "Kotlin", "PHP", "Python", "Python", "Rust", "Rust", "TypeScript", "TypeScript", "TypeScript", "TypeScript",
      "TypeScript", "TypeScript",
    ]);
    expect(rows.map((row) => row.output)).toEqual([
      "go", "go-ogen", "go-openapi-generator", "java", "java-okhttp-gson", "kotlin", "php", "python", "python-openapi-generator", "rust", "progenitor",
      "typescript", "orval", "openapi-zod-client", "typed-openapi", "typescript-fetch", "typescript-axios",
    ]);
    for (const row of rows) expect(row.command, row.language).not.toBe("");
  });

  it.each(rows.map((row) => [`${row.language}, into clients/${row.output}`, row, row.output] as const))("%s", { timeout: 300_000 }, (_, row, output) => {
    // As a user types it in a shell, with Go's and Cargo's tools on PATH as the README asks; Cargo
    // builds in the target folder of the Rust clients' tests, where what it needs is compiled.
    const env = { PATH: `${process.env.PATH}:${goBin()}:${cargoBin}`, HOME: process.env.HOME ?? "", CARGO_TARGET_DIR: cargoTargetDir };
    run("bash", ["-c", row.command], { cwd: root, env });
    expect(readdirSync(join(root, "clients", output)).length, `clients/${output} is empty`).toBeGreaterThan(0);
    // Nothing but clients/ and what .gitignore already ignores (the generator's node_modules).
    expect(readdirSync(root).sort()).toEqual(["clients", "generated", "generators"]);
  });
});
