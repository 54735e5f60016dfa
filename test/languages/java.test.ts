// The Java client from OpenAPI Generator (java, native library): generated from the 3.1 bundle
// with no warning but the one generators/WARNINGS.md explains, compiled with Maven, and run
// against the mock and against the drift server.
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { generate, java, maven, mvn, openApiGeneratorTools, quickJvm } from "./openapi-generator.ts";
import { expectComponentModels, expectedDriftOutput, expectedSmokeOutput, generatorsDir, lines, missingLanguageTools, run, scratchDir, smokeEnv } from "./support.ts";

const missing = missingLanguageTools("Java", { ...openApiGeneratorTools, mvn });

describe.skipIf(missing !== undefined)("Java (OpenAPI Generator, native)", () => {
  const scratch = scratchDir("java");
  afterAll(() => scratch.remove());
  const project = join(scratch.path, "client");

  // The client and the smoke program, compiled together by one Maven run: the classpath to run it.
  let classpath: string | undefined;
  const build = (): string => {
    if (classpath) return classpath;
    copyFileSync(join(generatorsDir, "java/Smoke.java"), join(project, "src/main/java/Smoke.java"));
    maven(["compile", "dependency:build-classpath", "-Dmdep.outputFile=classpath.txt"], project);
    classpath = `${join(project, "target/classes")}:${readFileSync(join(project, "classpath.txt"), "utf8").trim()}`;
    return classpath;
  };
  const smoke = (baseUrl: string) => lines(run(java as string, [...quickJvm, "-cp", build(), "Smoke"], { env: smokeEnv(baseUrl) }));

  it("generates the client from the 3.1 bundle with no unexplained warning, with the description's model names", () => {
    expect(generate("java", project)).toEqual([]);
    const models = readdirSync(join(project, "src/main/java/dev/example/amazonmusic/albums/model"))
      .map((file) => file.replace(/\.java$/, ""))
      .filter((name) => name !== "AbstractOpenApiSchema"); // the generator's base class for oneOf, always written
    expectComponentModels(models);
  });

  it("compiles, and runs the smoke program against the mock", () => {
    expect(smoke(inject("mockUrl"))).toEqual(expectedSmokeOutput);
  });

  it("decodes every answer of the drift server: unknown properties and values, other ID shapes, a repeated edge", () => {
    expect(smoke(inject("driftUrl"))).toEqual(expectedDriftOutput);
  });
});
