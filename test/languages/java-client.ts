// The tests of a Java client from OpenAPI Generator (java, with one of its libraries), the same
// for each library: generated from the 3.1 bundle with no warning but those generators/WARNINGS.md
// explains, compiled with Maven together with generators/<target>/Smoke.java, and run against the
// mock and against the drift server. The client and its build are kept between runs while their
// inputs stay the same (cache.ts).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { generated, java, javaSmokeBuild, mvn, openApiGeneratorTools, quickJvm, unexplained } from "./openapi-generator.ts";
import { expectComponentModels, expectedDriftOutput, expectedSmokeOutput, generatorsDir, lines, missingLanguageTools, projectTextIn, run, smokeEnv } from "./support.ts";

/** The suite of the client generators/<target>/config.yaml configures (`library` names it). */
export function describeJavaClient(target: string, library: string): void {
  const missing = missingLanguageTools(`Java (${library})`, { ...openApiGeneratorTools, mvn });

  describe.skipIf(missing !== undefined)(`Java (OpenAPI Generator, ${library})`, () => {
    let kept: ReturnType<typeof generated> | undefined;
    const client = () => (kept ??= generated(target, "java"));
    let classpath: string | undefined;
    const build = () => (classpath ??= javaSmokeBuild(target, client(), join(generatorsDir, target, "Smoke.java")).classpath);
    const smoke = (baseUrl: string) => lines(run(java as string, [...quickJvm, "-cp", build(), "Smoke"], { env: smokeEnv(baseUrl) }));

    it("generates the client from the 3.1 bundle with no unexplained warning, with the description's model names", () => {
      expect(unexplained("java", client().output)).toEqual([]);
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
}
