// The TypeScript client from OpenAPI Generator's typescript-fetch, at its default settings:
// generated from the 3.1 bundle with no warning but those generators/WARNINGS.md explains,
// compiled with tsc --strict together with its smoke program, and run with Node against the mock
// and against the drift server. Generated and compiled once per set of inputs (cache.ts).
import { copyFileSync, existsSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { cached, type Cached } from "./cache.ts";
import { npmToolchain } from "./npm-toolchain.ts";
import { openApiGeneratorInputs, openApiGeneratorTools, runGenerator, unexplained } from "./openapi-generator.ts";
import {
  expectComponentModels, expectedDriftOutput, expectedSmokeOutput, generatorsDir, lines, missingLanguageTools, projectTextIn, run, smokeEnv,
} from "./support.ts";

const own = join(generatorsDir, "typescript-fetch");
const toolchain = npmToolchain("typescript-fetch");
const missing = missingLanguageTools(
  "TypeScript (typescript-fetch)",
  { ...openApiGeneratorTools, "typescript-fetch's npm packages": toolchain },
  "bash generators/java/install.sh (the generator), bash generators/typescript-fetch/install.sh (TypeScript, with npm)",
);

describe.skipIf(missing !== undefined)("TypeScript (OpenAPI Generator, typescript-fetch)", () => {
  // Opened in beforeAll, not here: a skipped suite must not touch the cache.
  let cache: Cached;
  let client: string;
  beforeAll(() => {
    cache = cached("typescript-fetch", { paths: [...openApiGeneratorInputs.paths, own, fileURLToPath(import.meta.url)], strings: openApiGeneratorInputs.strings });
    client = join(cache.dir, "clients/typescript-fetch");
  });

  const generate = () =>
    cache.step("generate", () => {
      rmSync(client, { recursive: true, force: true });
      return runGenerator("typescript-fetch", client);
    });
  /** The smoke program compiled with the client as generators/typescript-fetch/tsconfig.json says (CommonJS, as its package.json leaves it): its path. */
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

  it("generates the client from the 3.1 bundle with no unexplained warning, with the description's model names", () => {
    expect(unexplained("typescript-fetch", generate())).toEqual([]);
    expectComponentModels(readdirSync(join(client, "models")).filter((file) => file !== "index.ts").map((file) => file.replace(/\.ts$/, "")));
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
