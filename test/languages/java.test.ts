// The Java client from OpenAPI Generator (java, native library): generated from the 3.1 bundle
// with no warning but the one generators/WARNINGS.md explains, compiled with Maven, and run
// against the mock and against the drift server.
import { existsSync, readdirSync, readFileSync } from "node:fs";
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
const javac = findCommand("javac");
const mvn = findCommand("mvn");
const missing = missingLanguageTools("Java", { java, javac, mvn, [`openapi-generator-cli-${version}.jar`]: existsSync(jarPath) ? jarPath : undefined });

describe.skipIf(missing !== undefined)("Java (OpenAPI Generator, native)", () => {
  const scratch = scratchDir("java");
  afterAll(() => scratch.remove());
  const project = join(scratch.path, "client");

  // The client, then the smoke program against it, compiled once for both servers: the classpath to run it.
  let classpath: string | undefined;
  const build = (): string => {
    if (classpath) return classpath;
    run(mvn as string, ["--quiet", "--batch-mode", "-DskipTests", "-Dmaven.javadoc.skip=true", "package"], { cwd: project });
    run(mvn as string, ["--quiet", "--batch-mode", "dependency:build-classpath", "-Dmdep.outputFile=classpath.txt"], { cwd: project });
    const client = `${join(project, "target/classes")}:${readFileSync(join(project, "classpath.txt"), "utf8").trim()}`;
    const classes = join(scratch.path, "smoke");
    run(javac as string, ["-d", classes, "-cp", client, join(generatorsDir, "java/Smoke.java")]);
    classpath = `${classes}:${client}`;
    return classpath;
  };
  const smoke = (baseUrl: string) => lines(run(java as string, ["-cp", build(), "Smoke"], { env: smokeEnv(baseUrl) }));

  it("generates the client from the 3.1 bundle with no unexplained warning, with the description's model names", () => {
    const output = run(java as string, ["-jar", jarPath, "generate", "-g", "java", "-c", join(generatorsDir, "java/config.yaml"), "-i", bundle31, "-o", project]);
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
