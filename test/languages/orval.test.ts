// The TypeScript client from orval (its fetch client): generated from the 3.1 bundle without a
// warning, compiled with tsc --strict, and run with node against the mock and against the drift
// server.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../scripts/redocly.ts";
import { npmToolchain, outputLines, runSmoke, toolchainVersion, type TypeScriptBuild, typescriptBuild } from "./typescript-client.ts";
import { bundle31, expectComponentModels, expectedDriftOutput, expectedSmokeOutput, projectTextIn, run, versions } from "./support.ts";

const { toolchain, missing } = npmToolchain("TypeScript (orval)", "orval", "orval");

const components = (JSON.parse(readFileSync(join(projectRoot, "generated/openapi.json"), "utf8")) as {
  components: Record<"schemas" | "responses" | "parameters", Record<string, unknown>>;
}).components;
const operations = ["getAlbum", "getAlbums", "getLibraryAlbums", "saveLibraryAlbum", "removeLibraryAlbum"];
const capitalized = (name: string) => name[0]?.toUpperCase() + name.slice(1);

/**
 * The names orval gives what is not a schema: a response component `<Name>Response`, a parameter
 * component `<Name>Parameter`, an operation's query `<OperationId>Params` and its result
 * `<operationId>Response…`, and HTTP's status codes. Anything else is a name it made up for an
 * unnamed schema.
 */
const otherNames = new RegExp(
  `^(?:(?:${Object.keys(components.responses).join("|")})Response|(?:${Object.keys(components.parameters).join("|")})Parameter|(?:${operations.map(capitalized).join("|")})Params|(?:${operations.join("|")})Response(?:\\d{3}|Default|Success|Error)?|HTTPStatusCodes?(?:\\dxx)?)$`,
);

describe.skipIf(missing !== undefined)("TypeScript (orval, fetch client)", () => {
  let build: TypeScriptBuild;

  it("is the version generators/versions.json pins", () => {
    expect(toolchainVersion(toolchain as string, "orval")).toBe(versions.orval);
  });

  it("generates the client without a warning, with the description's model names, and compiles", () => {
    // The README's command, from the build folder, with the input given absolutely. The fetch
    // client is named: orval 7's default is axios-functions (fetch became its default in 8).
    build = typescriptBuild("orval", toolchain as string, (dir, modules) =>
      run(process.execPath, [join(modules, "orval/dist/bin/orval.js"), "--input", bundle31, "--output", "clients/orval/albums.ts", "--client", "fetch"], { cwd: dir }),
    );
    // On success it prints its banner and the API's title; any other line is a warning.
    expect(outputLines(build.output)).toEqual([
      `🍻 orval v${versions.orval} - A swagger client generator for typescript`,
      "🎉 Amazon Music Web API: Albums v1 - Your OpenAPI spec has been converted into ready to use orval!",
    ]);
    const code = readFileSync(join(build.client, "albums.ts"), "utf8");
    const names = [...code.matchAll(/^export (?:interface|type) (\w+)/gm)].map(([, name]) => name as string);
    const models = names.filter((name) => name in components.schemas);
    expectComponentModels(models);
    expect(names.filter((name) => !models.includes(name) && !otherNames.test(name)), "names orval made up").toEqual([]);
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
