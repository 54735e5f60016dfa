// The TypeScript client from @hey-api/openapi-ts (its fetch client, every 2xx body checked by the
// zod schemas it generates): generated from the 3.1 bundle without a warning, compiled with
// tsc --strict, and run with node against the mock and against the drift server.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../scripts/redocly.ts";
import { npmToolchain, outputLines, runSmoke, toolchainVersion, type TypeScriptBuild, typescriptBuild } from "./typescript-client.ts";
import { bundle31, expectedDriftOutput, expectedSmokeOutput, generatorsDir, projectTextIn, run, versions } from "./support.ts";

const { toolchain, missing } = npmToolchain("TypeScript (@hey-api/openapi-ts)", "typescript", `@hey-api/openapi-ts ${versions["@hey-api/openapi-ts"]}`);
const components = Object.keys(
  (JSON.parse(readFileSync(join(projectRoot, "generated/openapi.json"), "utf8")) as { components: { schemas: Record<string, unknown> } }).components.schemas,
);

describe.skipIf(missing !== undefined)("TypeScript (@hey-api/openapi-ts, fetch client)", () => {
  let build: TypeScriptBuild;

  it("pins the version generators/versions.json names", () => {
    const manifest = JSON.parse(readFileSync(join(generatorsDir, "typescript/package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(manifest.dependencies["@hey-api/openapi-ts"]).toBe(versions["@hey-api/openapi-ts"]);
    expect(toolchainVersion(toolchain as string, "@hey-api/openapi-ts")).toBe(versions["@hey-api/openapi-ts"]);
  });

  it("generates the client without a warning, with the description's model names, and compiles", () => {
    // The team's command, from the build folder, with the input given absolutely.
    const config = join(generatorsDir, "typescript/openapi-ts.config.mjs");
    build = typescriptBuild("typescript", toolchain as string, (dir, modules) =>
      run(process.execPath, [join(modules, "@hey-api/openapi-ts/bin/run.js"), "-f", config, "-i", bundle31, "--no-log-file"], { cwd: dir }),
    );
    // On success it prints its banner, the input and the output folder (in colour, whatever
    // NO_COLOR says); any other line is a warning.
    const expected = [/^@hey-api\/openapi-ts v\S+$/, /^\[Job 1\] ⏳ Generating from 1 input:$/, /^\[Job 1\] +\[1\] \S+$/, /^\[Job 1\] ✅ Done! Your output is in \S*clients\/typescript$/];
    const lines = outputLines(build.output);
    expect(lines.filter((line) => !expected.some((pattern) => pattern.test(line)))).toEqual([]);
    expect(lines).toHaveLength(expected.length);
    // Every component is a type of its own name, and a zod schema of that name with a `z`.
    const client = build.client;
    const types = readFileSync(join(client, "types.gen.ts"), "utf8");
    const schemas = readFileSync(join(client, "zod.gen.ts"), "utf8");
    expect(components.filter((name) => !types.includes(`\nexport type ${name} = `))).toEqual([]);
    expect(components.filter((name) => !schemas.includes(`\nexport const z${name} = `))).toEqual([]);
    // An unnamed response schema would be written out inline under its status: every status
    // of every operation must name a component.
    expect(types.match(/^ {4}(?:\d{3}|default): (?![A-Z]\w*;$).*$/gm) ?? []).toEqual([]);
  });

  it("carries no text about this project, only about the API", () => {
    expect(projectTextIn(build.client)).toEqual([]);
  });

  it("runs the smoke program against the mock", () => {
    expect(runSmoke(build, inject("mockUrl"))).toEqual(expectedSmokeOutput);
  });

  it("decodes the drift server's evolved answers", () => {
    expect(runSmoke(build, inject("driftUrl"))).toEqual(expectedDriftOutput);
  });
});
