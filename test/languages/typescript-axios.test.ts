// The TypeScript client from OpenAPI Generator's typescript-axios, at its default settings:
// generated from the 3.1 bundle with no warning but those generators/WARNINGS.md explains,
// compiled with tsc --strict together with its smoke program, and run with Node (and the axios
// generators/versions.json pins) against the mock and against the drift server. Generated and
// compiled once per set of inputs (cache.ts).
import { copyFileSync, existsSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { cached, type Cached } from "./cache.ts";
import { npmToolchain } from "./npm-toolchain.ts";
import { openApiGeneratorInputs, openApiGeneratorTools, runGenerator, unexplained } from "./openapi-generator.ts";
import {
  expectComponentModels, expectedDriftOutput, expectedSmokeOutput, generatorsDir, lines, missingLanguageTools, projectTextIn, run, smokeEnv, versions,
} from "./support.ts";

const own = join(generatorsDir, "typescript-axios");
const toolchain = npmToolchain("typescript-axios");
const missing = missingLanguageTools(
  "TypeScript (typescript-axios)",
  { ...openApiGeneratorTools, "typescript-axios's npm packages": toolchain },
  "bash generators/java/install.sh (the generator), bash generators/typescript-axios/install.sh (axios and TypeScript, with npm)",
);

describe.skipIf(missing !== undefined)("TypeScript (OpenAPI Generator, typescript-axios)", () => {
  // Opened in beforeAll, not here: a skipped suite must not touch the cache.
  let cache: Cached;
  let client: string;
  beforeAll(() => {
    cache = cached("typescript-axios", { paths: [...openApiGeneratorInputs.paths, own, fileURLToPath(import.meta.url)], strings: openApiGeneratorInputs.strings });
    client = join(cache.dir, "clients/typescript-axios");
  });

  const generate = () =>
    cache.step("generate", () => {
      rmSync(client, { recursive: true, force: true });
      return runGenerator("typescript-axios", client);
    });
  /** The smoke program compiled with the client as generators/typescript-axios/tsconfig.json says (CommonJS, as its package.json leaves it): its path. */
  const build = (): string => {
    generate();
    cache.step("compile", () => {
      for (const file of ["smoke.ts", "tsconfig.json", "package.json"]) copyFileSync(join(own, file), join(cache.dir, file));
      if (!existsSync(join(cache.dir, "node_modules"))) symlinkSync(join(toolchain as string, "node_modules"), join(cache.dir, "node_modules"), "dir");
      return run(process.execPath, [join(cache.dir, "node_modules/typescript/bin/tsc"), "-p", cache.dir]);
    });
    return join(cache.dir, "dist/smoke.js");
  };
  const smoke = (baseUrl: string) => lines(run(process.execPath, [build()], { env: smokeEnv(baseUrl) }));

  it("uses the axios generators/versions.json pins, in the range the generated package.json asks for", () => {
    const manifest = JSON.parse(readFileSync(join(own, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const installed = JSON.parse(readFileSync(join(toolchain as string, "node_modules/axios/package.json"), "utf8")) as { version: string };
    expect(manifest.dependencies.axios).toBe(versions.axios);
    expect(installed.version).toBe(versions.axios);
    // The range the generator writes into a package.json when given an npmName: ^1.18.0 (its axiosVersion default).
    const [major, minor] = versions.axios.split(".").map(Number);
    expect(major === 1 && (minor ?? 0) >= 18, `axios ${versions.axios} is outside ^1.18.0`).toBe(true);
  });

  it("generates the client from the 3.1 bundle with no unexplained warning, with the description's model names", () => {
    expect(unexplained("typescript-axios", generate())).toEqual([]);
    // Every model is an interface in api.ts, beside the API classes.
    const api = readFileSync(join(client, "api.ts"), "utf8");
    expectComponentModels([...api.matchAll(/^export interface (\w+) \{$/gm)].map(([, name]) => name as string));
  });

  it("copies no text about this project into the client", () => {
    generate();
    expect(projectTextIn(client)).toEqual([]);
  });

  it("compiles with tsc --strict, and runs the smoke program against the mock", () => {
    expect(smoke(inject("mockUrl"))).toEqual(expectedSmokeOutput);
  });

  it("decodes every answer of the drift server: unknown properties and values, integers past 2^31, an HTML 502, a 503 through `default`", () => {
    expect(smoke(inject("driftUrl"))).toEqual(expectedDriftOutput);
  });
});
