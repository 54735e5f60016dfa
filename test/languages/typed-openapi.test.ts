// The TypeScript client from typed-openapi at its default runtime (`none`: types and a client over
// a fetcher of one's own, no validation): generated from the 3.1 bundle without a warning,
// compiled with tsc --strict, and run with node against the mock and against the drift server.
// Its `-r zod` output does not compile (generators/WARNINGS.md): the last test holds that, and
// the workaround, to the version pinned, so that what the README says of it stays true.
import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";
import { keep } from "./cache.ts";
import { npmToolchain, outputLines, runSmoke, toolchainVersion, type TypeScriptBuild, typescriptBuild } from "./typescript-client.ts";
import { bundle31, expectComponentModels, expectedDriftOutput, expectedSmokeOutput, generatorsDir, projectTextIn, run, versions } from "./support.ts";

const { toolchain, missing } = npmToolchain("TypeScript (typed-openapi)", "typed-openapi", "typed-openapi");

describe.skipIf(missing !== undefined)("TypeScript (typed-openapi, runtime none)", () => {
  let build: TypeScriptBuild;
  const modules = join(toolchain ?? "", "node_modules");

  it("is the version generators/versions.json pins", () => {
    expect(toolchainVersion(toolchain as string, "typed-openapi")).toBe(versions["typed-openapi"]);
  });

  it("generates the client without a warning, with the description's model names, and compiles", () => {
    // The README's command, from the build folder, with the input given absolutely.
    build = typescriptBuild("typed-openapi", toolchain as string, (dir) =>
      run(process.execPath, [join(modules, "typed-openapi/bin.js"), bundle31, "-o", "clients/typed-openapi/albums.ts"], { cwd: dir }),
    );
    // On success it counts the operations and says where it wrote; any other line is a warning.
    const expected = [/^Found 5 endpoints$/, /^Generating client\.\.\. \S+\/clients\/typed-openapi\/albums\.ts$/, /^Done in \d+ms !$/];
    const lines = outputLines(build.output);
    expect(lines.filter((line) => !expected.some((pattern) => pattern.test(line)))).toEqual([]);
    expect(lines).toHaveLength(expected.length);
    // Every schema is a type named after its component, in the `Schemas` namespace.
    const code = readFileSync(join(build.client, "albums.ts"), "utf8");
    const schemas = /\/\/ <Schemas>([\s\S]*?)\/\/ <\/Schemas>/.exec(code)?.[1] ?? "";
    expectComponentModels([...schemas.matchAll(/^export type (\w+) = /gm)].map(([, name]) => name as string));
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

  it("with `-r zod`, writes a client that does not compile, and schemas alone that do (generators/WARNINGS.md)", () => {
    // Checked against zod 3 (the lockfile's): the output calls zod 3's API (`z.record(z.any())`,
    // which zod 4 refuses at every object). Cached like the client, with tsc's verdicts.
    const verdicts = keep("typed-openapi", "zod", { paths: [bundle31, join(generatorsDir, "typed-openapi"), fileURLToPath(import.meta.url)], values: [toolchain as string] }, (dir) => {
      symlinkSync(modules, join(dir, "node_modules"), "dir");
      copyFileSync(join(generatorsDir, "typed-openapi/tsconfig.json"), join(dir, "tsconfig.json"));
      const tsc = (output: string, ...options: string[]) => {
        run(process.execPath, [join(modules, "typed-openapi/bin.js"), bundle31, "-r", "zod", "-o", output, ...options], { cwd: dir });
        const config = join(dir, `tsconfig.${options.length}.json`);
        writeFileSync(config, JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { noEmit: true }, include: [output] }));
        const result = spawnSync(process.execPath, [join(modules, "typescript/bin/tsc"), "-p", config], { cwd: dir, encoding: "utf8" });
        return { status: result.status, errors: [...new Set(result.stdout.match(/error TS\d+/g) ?? [])] };
      };
      return JSON.stringify({ client: tsc("zod/albums.ts"), schemasOnly: tsc("zod-schemas/albums.ts", "--schemas-only") });
    });
    const { client, schemasOnly } = JSON.parse(verdicts.output) as Record<"client" | "schemasOnly", { status: number; errors: string[] }>;
    // `z.infer<TEndpoint>` over an object of schemas, in the client's get, put and delete.
    expect(client).toEqual({ status: 2, errors: ["error TS2344"] });
    expect(schemasOnly).toEqual({ status: 0, errors: [] });
  });
});
