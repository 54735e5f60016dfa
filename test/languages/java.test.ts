// The Java client from OpenAPI Generator (java, native library): generated from the 3.1 bundle
// with no warning but the one generators/WARNINGS.md explains, compiled with Maven, and run
// against the mock.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundle31, documentedWarnings, expectedSmokeOutput, findCommand, generatorsDir, missingLanguageTools, run, scratchDir, smokeEnv, versions } from "./support.ts";

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

  it("generates the client from the 3.1 bundle with no unexplained warning, with the description's model names", () => {
    const output = run(java as string, ["-jar", jarPath, "generate", "-g", "java", "-c", join(generatorsDir, "java/config.yaml"), "-i", bundle31, "-o", project]);
    // Warnings, errors, and what it says at INFO about a description it had to patch up.
    const complaints = /\bWARN|\bERROR|Inline schema created|not supported|unsupported|[Dd]uplicate/;
    const explained = documentedWarnings("OpenAPI Generator");
    expect(output.split("\n").filter((line) => complaints.test(line) && !explained.some((warning) => line.includes(warning)))).toEqual([]);
    const models = readdirSync(join(project, "src/main/java/dev/example/amazonmusic/albums/model"));
    expect(models).toEqual(expect.arrayContaining(["Album.java", "PageInfo.java", "LibraryAlbumEdge.java", "ErrorResponse.java"]));
    // Models a generator names itself, after an operation and a status, mean an unnamed schema.
    expect(models.filter((file) => /^Inline|\d{3}Response|_\d+\.java$/.test(file))).toEqual([]);
  });

  it("compiles, and runs the smoke program against the mock", () => {
    run(mvn as string, ["--quiet", "--batch-mode", "-DskipTests", "-Dmaven.javadoc.skip=true", "package"], { cwd: project });
    run(mvn as string, ["--quiet", "--batch-mode", "dependency:build-classpath", "-Dmdep.outputFile=classpath.txt"], { cwd: project });
    const classpath = `${join(project, "target/classes")}:${readFileSync(join(project, "classpath.txt"), "utf8").trim()}`;
    const classes = join(scratch.path, "smoke");
    run(javac as string, ["-d", classes, "-cp", classpath, join(generatorsDir, "java/Smoke.java")]);
    const output = run(java as string, ["-cp", `${classes}:${classpath}`, "Smoke"], { env: smokeEnv() });
    expect(output.trim().split("\n")).toEqual(expectedSmokeOutput);
  });
});
