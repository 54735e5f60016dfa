// The Java client from OpenAPI Generator (java, native library): generated from the 3.1 bundle
// with no warning but the one generators/WARNINGS.md explains, compiled with Maven, and run
// against the mock and against the drift server.
import { copyFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import {
  bundle31, documentedWarnings, expectComponentModels, expectedDriftOutput, expectedSmokeOutput, findCommand, generatorsDir, lines,
  missingLanguageTools, run, scratchDir, smokeEnv, versions,
} from "./support.ts";

const version = versions["openapi-generator-cli"];
const jarPath = join(homedir(), ".m2/repository/org/openapitools/openapi-generator-cli", version, `openapi-generator-cli-${version}.jar`);
const java = findCommand("java");
const mvn = findCommand("mvn");
const missing = missingLanguageTools("Java", { java, mvn, [`openapi-generator-cli-${version}.jar`]: existsSync(jarPath) ? jarPath : undefined });

// Every JVM here lives a few seconds: C1 alone and the serial collector halve their CPU time
// (measured on 2 cores), which matters while other test files build in parallel.
const quickJvm = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];

/** Maven offline, so a run never reaches the network for what ~/.m2 holds; online only for what it lacks. */
function maven(args: string[], cwd: string): string {
  const options = { cwd, env: { MAVEN_OPTS: quickJvm.join(" ") } };
  try {
    return run(mvn as string, ["--offline", "--quiet", "--batch-mode", ...args], options);
  } catch (error) {
    if (!/in offline mode/.test(String(error))) throw error;
    return run(mvn as string, ["--quiet", "--batch-mode", ...args], options);
  }
}

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
    const output = run(java as string, [...quickJvm, "-jar", jarPath, "generate", "-g", "java", "-c", join(generatorsDir, "java/config.yaml"), "-i", bundle31, "-o", project]);
    // Warnings, errors, and what it says at INFO about a description it had to patch up.
    const complaints = /\bWARN|\bERROR|Inline schema created|not supported|unsupported|[Dd]uplicate/;
    const explained = documentedWarnings("OpenAPI Generator");
    expect(output.split("\n").filter((line) => complaints.test(line) && !explained.some((warning) => line.includes(warning)))).toEqual([]);
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
