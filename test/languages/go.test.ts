// The Go client from oapi-codegen: generated from the 3.0 rendering without a word of warning,
// built, and run against the mock and against the drift server (with the workaround
// generators/WARNINGS.md gives for a Content-Type in capitals).
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import {
  bundle30, expectedDriftOutput, expectedSmokeOutput, findCommand, generatorsDir, goBin, lines, missingLanguageTools, objectSchemaNames, projectTextIn,
  run, scratchDir, smokeEnv,
} from "./support.ts";

const go = findCommand("go");
const generator = findCommand("oapi-codegen", go ? [goBin()] : []);
const missing = missingLanguageTools("Go", { go, "oapi-codegen": generator });

describe.skipIf(missing !== undefined)("Go (oapi-codegen)", () => {
  const scratch = scratchDir("go");
  afterAll(() => scratch.remove());
  const generated = join(scratch.path, "albums/albums.gen.go");

  // Built once for both servers. go.mod and go.sum pin the runtime the generated code needs; Go's
  // module and build caches (in the home folder) keep a second run off the network and quick.
  let binary: string | undefined;
  const build = (): string => {
    if (binary) return binary;
    run(go as string, ["build", "-o", "smoke", "."], { cwd: scratch.path });
    binary = join(scratch.path, "smoke");
    return binary;
  };
  const smoke = (baseUrl: string) => lines(run(build(), [], { cwd: scratch.path, env: smokeEnv(baseUrl) }));

  it("generates the client without a warning, with the description's model names", () => {
    cpSync(join(generatorsDir, "go/smoke"), scratch.path, { recursive: true });
    const output = run(generator as string, ["-config", join(generatorsDir, "go/oapi-codegen.yaml"), "-o", generated, bundle30], { cwd: scratch.path });
    expect(output).toBe("");
    const code = readFileSync(generated, "utf8");
    expect(objectSchemaNames.filter((model) => !code.includes(`\ntype ${model} struct {`))).toEqual([]);
    // oapi-codegen turns an unnamed schema into an anonymous struct, silently: there must be none.
    expect(code.match(/^\s+JSON\d{3}\s+\*struct\b.*$/gm) ?? []).toEqual([]);
  });

  it("carries no text about this project, only about the API", () => {
    expect(projectTextIn(join(scratch.path, "albums"))).toEqual([]);
  });

  it("builds, and runs the smoke program against the mock", () => {
    expect(smoke(inject("mockUrl"))).toEqual(expectedSmokeOutput);
  });

  it("decodes every answer of the drift server: unknown properties and values, other ID shapes, a repeated edge", () => {
    expect(smoke(inject("driftUrl"))).toEqual(expectedDriftOutput);
  });
});
