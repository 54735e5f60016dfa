// The TypeScript client from openapi-zod-client (a Zodios client over axios, every 2xx body checked
// by the zod schemas it generates): generated from the 3.1 bundle with no warning but the one
// generators/WARNINGS.md explains, compiled with tsc --strict, and run with node against the mock
// and against the drift server.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { npmToolchain, outputLines, runSmoke, toolchainVersion, type TypeScriptBuild, typescriptBuild } from "./typescript-client.ts";
import { bundle31, documentedWarnings, expectComponentModels, expectedDriftOutput, expectedSmokeOutput, projectTextIn, run, versions } from "./support.ts";

const { toolchain, missing } = npmToolchain("TypeScript (openapi-zod-client)", "openapi-zod-client", "openapi-zod-client");

describe.skipIf(missing !== undefined)("TypeScript (openapi-zod-client, Zodios)", () => {
  let build: TypeScriptBuild;

  it("is the version generators/versions.json pins", () => {
    expect(toolchainVersion(toolchain as string, "openapi-zod-client")).toBe(versions["openapi-zod-client"]);
  });

  it("generates the client with no unexplained warning, with the description's model names, and compiles", () => {
    // The README's command, from the build folder, with the input given absolutely. It does not
    // make the output's folder itself.
    build = typescriptBuild("openapi-zod-client", toolchain as string, (dir, modules) => {
      mkdirSync(join(dir, "clients/openapi-zod-client"), { recursive: true });
      return run(process.execPath, [join(modules, "openapi-zod-client/bin.js"), bundle31, "-o", "clients/openapi-zod-client/albums.ts"], { cwd: dir });
    });
    // On success it names its input and its output; any other line is a warning.
    const expected = [/^Retrieving OpenAPI document from \S+$/, /^Done generating <clients\/openapi-zod-client\/albums\.ts> !$/];
    const explained = documentedWarnings("openapi-zod-client");
    expect(explained).not.toEqual([]);
    const lines = outputLines(build.output);
    expect(lines.filter((line) => !expected.some((pattern) => pattern.test(line)) && !explained.some((warning) => line.includes(warning)))).toEqual([]);
    // Every schema is a zod schema named after its component (and listed in the exported `schemas`).
    const code = readFileSync(join(build.client, "albums.ts"), "utf8");
    expectComponentModels([...code.matchAll(/^const (\w+) = z\b/gm)].map(([, name]) => name as string));
  });

  it("carries no text about this project, only about the API", () => {
    expect(projectTextIn(build.client)).toEqual([]);
  });

  it("runs the smoke program against the mock", () => {
    expect(runSmoke(build, inject("mockUrl"))).toEqual(expectedSmokeOutput);
  });

  it("decodes every answer of the drift server: unknown properties and values, other ID shapes, a repeated edge", () => {
    expect(runSmoke(build, inject("driftUrl"))).toEqual(expectedDriftOutput);
  });
});
