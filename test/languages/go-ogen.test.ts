// The Go client from ogen, the strictest validator of responses (it decodes every body into its
// types and checks each pattern, format, enum and bound the description gives): generated from
// the 3.1 bundle with no warning but the one generators/WARNINGS.md explains, built, and run
// against the mock and against the drift server (with the workaround WARNINGS.md gives for a body
// that is not JSON).
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../scripts/redocly.ts";
import {
  bundle31, expectedDriftOutput, expectedSmokeOutput, findCommand, generatorsDir, goBin, missingLanguageTools, projectTextIn, run, scratchDir, smokeEnv, versions,
} from "./support.ts";

const go = findCommand("go");
const generator = findCommand("ogen", go ? [goBin()] : []);
const missing = missingLanguageTools("Go (ogen)", { go, ogen: generator }, "bash generators/go-ogen/install.sh (needs go)");

/** The warnings generators/WARNINGS.md explains for ogen (the text in backticks of its rows). */
const explained = readFileSync(join(generatorsDir, "WARNINGS.md"), "utf8")
  .split("\n")
  .map((line) => /^\| ogen [^|]*\| `([^`]+)` \|/.exec(line)?.[1])
  .filter((warning): warning is string => warning !== undefined);

/** The object components of the description: each must be a Go struct of the same name. */
const objectSchemas = Object.entries(
  (JSON.parse(readFileSync(join(projectRoot, "generated/openapi.json"), "utf8")) as { components: { schemas: Record<string, { type?: string }> } }).components.schemas,
).flatMap(([name, schema]) => (schema.type === "object" ? [name] : []));

describe.skipIf(missing !== undefined)("Go (ogen)", () => {
  // Made in beforeAll, not here: a skipped suite runs no hooks, and would leave the folder behind.
  let scratch: ReturnType<typeof scratchDir>;
  beforeAll(() => {
    scratch = scratchDir("go-ogen");
  });
  afterAll(() => scratch?.remove());

  it("is the version generators/versions.json pins", () => {
    expect(run(generator as string, ["-version"])).toContain(`ogen version ${versions.ogen} `);
  });

  it("generates the client without an unexplained warning, with the description's model names", () => {
    cpSync(join(generatorsDir, "go-ogen/smoke"), scratch.path, { recursive: true });
    const args = ["-config", join(generatorsDir, "go-ogen/ogen.yml"), "-package", "albums", "-target", join(scratch.path, "albums"), "-clean"];
    // At INFO it only says that it makes its "convenient errors" of the `default` response:
    // warnings and errors only.
    const output = run(generator as string, [...args, "-loglevel", "warn", bundle31]);
    const lines = output.split("\n").filter((line) => line.trim() !== "");
    expect(explained).not.toEqual([]);
    expect(lines.filter((line) => !explained.some((warning) => line.includes(warning)))).toEqual([]);
    const code = readFileSync(join(scratch.path, "albums/oas_schemas_gen.go"), "utf8");
    expect(objectSchemas.filter((model) => !code.includes(`\ntype ${model} struct {`))).toEqual([]);
    // Open sets are plain strings under their own names.
    for (const model of ["SaveState", "AudioQuality", "ErrorCode"]) expect(code).toContain(`\ntype ${model} string\n`);
    // ogen names an unnamed response schema after its operation and status (GetAlbumOK), as a
    // struct of its own; a named one becomes a defined type over the component.
    const operations = "GetAlbum|GetAlbums|GetLibraryAlbums|SaveLibraryAlbum|RemoveLibraryAlbum";
    expect(code.match(new RegExp(`^type (?:${operations})\\w* struct \\{`, "gm")) ?? []).toEqual([]);
  });

  it("carries no text about this project, only about the API", () => {
    expect(projectTextIn(join(scratch.path, "albums"))).toEqual([]);
  });

  it("builds, and runs the smoke program against the mock", () => {
    // go.mod and go.sum pin the runtime the generated code needs (ogen's own module).
    run(go as string, ["build", "-o", "smoke", "."], { cwd: scratch.path });
    const output = run(join(scratch.path, "smoke"), [], { cwd: scratch.path, env: smokeEnv() });
    expect(output.trim().split("\n")).toEqual(expectedSmokeOutput);
  });

  it("decodes and validates the drift server's evolved answers", () => {
    const output = run(join(scratch.path, "smoke"), [], { cwd: scratch.path, env: smokeEnv(inject("driftUrl")) });
    expect(output.trim().split("\n")).toEqual(expectedDriftOutput);
  });
});
