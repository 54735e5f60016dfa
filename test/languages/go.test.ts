// The Go client from oapi-codegen: generated from the 3.0 rendering without a word of warning,
// built, and run against the mock.
import { cpSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundle30, expectedSmokeOutput, findCommand, generatorsDir, goBin, missingLanguageTools, run, scratchDir, smokeEnv } from "./support.ts";

const go = findCommand("go");
const generator = findCommand("oapi-codegen", go ? [goBin()] : []);
const missing = missingLanguageTools("Go", { go, "oapi-codegen": generator });

describe.skipIf(missing !== undefined)("Go (oapi-codegen)", () => {
  const scratch = scratchDir("go");
  afterAll(() => scratch.remove());

  it("generates the client without a warning, with the description's model names", () => {
    cpSync(join(generatorsDir, "go/smoke"), scratch.path, { recursive: true });
    mkdirSync(join(scratch.path, "albums"));
    const output = run(generator as string, ["-config", join(generatorsDir, "go/oapi-codegen.yaml"), bundle30], { cwd: scratch.path });
    expect(output).toBe("");
    const code = readFileSync(join(scratch.path, "albums/albums.gen.go"), "utf8");
    for (const model of ["Album", "PageInfo", "LibraryAlbumEdge", "ErrorResponse"]) expect(code).toContain(`\ntype ${model} struct {`);
    // oapi-codegen turns an unnamed schema into an anonymous struct, silently: there must be none.
    expect(code.match(/^\s+JSON\d{3}\s+\*struct\b.*$/gm) ?? []).toEqual([]);
  });

  it("builds, and runs the smoke program against the mock", () => {
    // go.mod and go.sum pin the runtime the generated code needs.
    run(go as string, ["build", "-o", "smoke", "."], { cwd: scratch.path });
    const output = run(join(scratch.path, "smoke"), [], { cwd: scratch.path, env: smokeEnv() });
    expect(output.trim().split("\n")).toEqual(expectedSmokeOutput);
  });
});
