// The Java client from OpenAPI Generator at its default library (java, okhttp-gson), configured
// with names only: generated from the 3.1 bundle with no warning but those generators/WARNINGS.md
// explains, compiled with Maven, and run against the mock and against the drift server. The
// client and its build are kept between runs while their inputs stay the same (cache.ts).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { cachedClient, java, javaSmokeBuild, mvn, openApiGeneratorTools, quickJvm, unexplained } from "./openapi-generator.ts";
import {
  expectComponentModels,
  expectedDriftOutput,
  expectedSmokeOutput,
  generatorsDir,
  lines,
  missingLanguageTools,
  projectTextIn,
  run,
  smokeEnv,
} from "./support.ts";

const missing = missingLanguageTools("Java (okhttp-gson)", { ...openApiGeneratorTools, mvn });

describe.skipIf(missing !== undefined)("Java (OpenAPI Generator, okhttp-gson)", () => {
  let generated: ReturnType<typeof cachedClient> | undefined;
  const client = () => (generated ??= cachedClient("java-okhttp-gson", "java", "java-okhttp-gson"));
  let classpath: string | undefined;
  const build = () => (classpath ??= javaSmokeBuild("java-okhttp-gson", client(), join(generatorsDir, "java-okhttp-gson/Smoke.java")));
  const smoke = (baseUrl: string) => lines(run(java as string, [...quickJvm, "-cp", build(), "Smoke"], { env: smokeEnv(baseUrl) }));

  it("generates the client from the 3.1 bundle with no unexplained warning, with the description's model names", () => {
    expect(unexplained("java", client().printed)).toEqual([]);
    const models = readdirSync(join(client().client, "src/main/java/dev/example/amazonmusic/albums/model"))
      .map((file) => file.replace(/\.java$/, ""))
      .filter((name) => name !== "AbstractOpenApiSchema"); // the generator's base class for oneOf, always written
    expectComponentModels(models);
  });

  it("carries no text about this project", () => {
    expect(projectTextIn(client().client)).toEqual([]);
  });

  it("compiles, and runs the smoke program against the mock", () => {
    expect(smoke(inject("mockUrl"))).toEqual(expectedSmokeOutput);
  });

  it("decodes every answer of the drift server, and reads each error's status and envelope", () => {
    expect(smoke(inject("driftUrl"))).toEqual(expectedDriftOutput);
  });
});
