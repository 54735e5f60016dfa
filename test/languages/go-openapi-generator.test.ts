// The Go client from OpenAPI Generator's go, at its default settings: generated from the 3.1
// bundle with no warning but those generators/WARNINGS.md explains, built and vetted with its
// smoke program, and run against the mock and against the drift server. Generated and built once
// per set of inputs (cache.ts); Go's own build cache keeps a rebuild quick too.
import { cpSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { cached, type Cached } from "./cache.ts";
import { openApiGeneratorInputs, openApiGeneratorTools, runGenerator, unexplained } from "./openapi-generator.ts";
import {
  expectComponentModels, expectedDriftOutput, expectedSmokeOutput, findCommand, generatorsDir, lines, missingLanguageTools, projectTextIn, run, smokeEnv,
} from "./support.ts";

const own = join(generatorsDir, "go-openapi-generator");
const go = findCommand("go");
const missing = missingLanguageTools("Go (OpenAPI Generator)", { go, ...openApiGeneratorTools }, "Go (go.dev, or Debian's golang), bash generators/java/install.sh (the generator)");

describe.skipIf(missing !== undefined)("Go (OpenAPI Generator, go)", () => {
  // Opened in beforeAll, not here: a skipped suite must not touch the cache (nor run go).
  let cache: Cached;
  let client: string;
  beforeAll(() => {
    const goVersion = run(go as string, ["version"]).trim();
    cache = cached("go-openapi-generator", { paths: [...openApiGeneratorInputs.paths, own, fileURLToPath(import.meta.url)], strings: [...openApiGeneratorInputs.strings, goVersion] });
    client = join(cache.dir, "clients/go-openapi-generator");
  });

  const generate = () =>
    cache.step("generate", () => {
      rmSync(client, { recursive: true, force: true });
      return runGenerator("go", client, join(own, "config.yaml"));
    });
  /** The smoke program, its module beside the client's (smoke/go.mod replaces it by its folder): its path. */
  const build = (): string => {
    generate();
    cache.step("build", () => {
      cpSync(join(own, "smoke"), cache.dir, { recursive: true });
      // go vet: the client and the program, beyond what compiling them checks.
      return run(go as string, ["build", "-o", "smoke", "."], { cwd: cache.dir }) + run(go as string, ["vet", ".", "example.dev/amazonmusic/albums"], { cwd: cache.dir });
    });
    return join(cache.dir, "smoke");
  };
  const smoke = (baseUrl: string) => lines(run(build(), [], { env: smokeEnv(baseUrl) }));

  it("generates the client from the 3.1 bundle with no unexplained warning, with the description's model names", () => {
    expect(unexplained("go", generate())).toEqual([]);
    // One model a file, model_<name>.go, whose first struct is the model (NullableX follows it).
    const models = readdirSync(client)
      .filter((file) => file.startsWith("model_"))
      .map((file) => /^type (\w+) struct \{$/m.exec(readFileSync(join(client, file), "utf8"))?.[1] ?? file);
    expectComponentModels(models);
  });

  it("copies no text about this project into the client", () => {
    generate();
    expect(projectTextIn(client)).toEqual([]);
  });

  it("builds and vets, and runs the smoke program against the mock", () => {
    expect(smoke(inject("mockUrl"))).toEqual(expectedSmokeOutput);
  });

  it("decodes every answer of the drift server: unknown properties and values, integers past 2^31, an HTML 502, a 503 through `default`", () => {
    expect(smoke(inject("driftUrl"))).toEqual(expectedDriftOutput);
  });
});
