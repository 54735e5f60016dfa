// The Kotlin client from OpenAPI Generator (kotlin, jvm-okhttp4): generated from the 3.1 bundle
// with no warning but the one generators/WARNINGS.md explains, compiled with Maven and the Kotlin
// Maven plugin (generators/kotlin/pom.xml: the client's own Gradle wrapper cannot download here),
// and run against the mock and against the drift server.
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { generate, java, maven, mvn, openApiGeneratorTools, quickJvm } from "./openapi-generator.ts";
import { expectComponentModels, expectedDriftOutput, expectedSmokeOutput, generatorsDir, lines, missingLanguageTools, run, scratchDir, smokeEnv } from "./support.ts";

const missing = missingLanguageTools("Kotlin", { mvn, ...openApiGeneratorTools }, "apt-get install maven, bash generators/install.sh (the generator)");

/** group:artifact:version of each library a build file names, its version properties resolved. */
function gradleLibraries(buildGradle: string): string[] {
  const kotlinVersion = /ext\.kotlin_version = '([^']+)'/.exec(buildGradle)?.[1] ?? "";
  return [...buildGradle.matchAll(/^\s*implementation "([^"]+)"$/gm)].map(([, coordinates]) => (coordinates as string).replace("$kotlin_version", kotlinVersion));
}
function mavenLibraries(pom: string): string[] {
  const properties = Object.fromEntries([...pom.matchAll(/<([\w.]+)>([^<]+)<\/\1>/g)].map(([, name, value]) => [name, value]));
  return [...pom.matchAll(/<dependency>\s*<groupId>(.+?)<\/groupId>\s*<artifactId>(.+?)<\/artifactId>\s*<version>(.+?)<\/version>/g)].map(
    ([, group, artifact, version]) => `${group}:${artifact}:${(version as string).replace(/\$\{(.+)\}/, (_, name: string) => properties[name] ?? name)}`,
  );
}

/** The Kotlin compiler daemons running now (their process IDs): Linux's /proc, where the tests run. */
function kotlinDaemons(): string[] {
  return readdirSync("/proc").filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("KotlinCompileDaemon");
    } catch {
      return false; // ended meanwhile
    }
  });
}

describe.skipIf(missing !== undefined)("Kotlin (OpenAPI Generator, jvm-okhttp4)", () => {
  // Made in beforeAll, not here: a skipped suite runs no hooks, and would leave the folder behind.
  let scratch: ReturnType<typeof scratchDir>;
  let client: string;
  let models: string;
  beforeAll(() => {
    scratch = scratchDir("kotlin");
    client = join(scratch.path, "client");
    models = join(client, "src/main/kotlin/dev/example/amazonmusic/albums/models");
  });
  afterAll(() => scratch?.remove());

  // The client and the smoke program, compiled together by one Maven run: the classpath to run it.
  let classpath: string | undefined;
  const build = (): string => {
    if (classpath) return classpath;
    copyFileSync(join(generatorsDir, "kotlin/pom.xml"), join(scratch.path, "pom.xml"));
    mkdirSync(join(scratch.path, "smoke"));
    copyFileSync(join(generatorsDir, "kotlin/Smoke.kt"), join(scratch.path, "smoke/Smoke.kt"));
    maven(["compile", "dependency:build-classpath", "-Dmdep.outputFile=classpath.txt"], scratch.path);
    classpath = `${join(scratch.path, "target/classes")}:${readFileSync(join(scratch.path, "classpath.txt"), "utf8").trim()}`;
    return classpath;
  };
  const smoke = (baseUrl: string) => lines(run(java as string, [...quickJvm, "-cp", build(), "SmokeKt"], { env: smokeEnv(baseUrl) }));

  it("generates the client from the 3.1 bundle with no unexplained warning, with the description's model names", () => {
    expect(generate("kotlin", client)).toEqual([]);
    expectComponentModels(readdirSync(models).map((file) => file.replace(/\.kt$/, "")));
    // uniqueItems would make a Set, which drops a repeated edge; the description promises a list.
    expect(readFileSync(join(models, "LibraryAlbumConnection.kt"), "utf8")).toMatch(/val edges: kotlin\.collections\.List<LibraryAlbumEdge>/);
  });

  it("builds with the libraries, at the versions, the generated Gradle build names", () => {
    // Maven does not read Gradle's module metadata: it needs OkHttp's JVM artifact by its name.
    const expected = gradleLibraries(readFileSync(join(client, "build.gradle"), "utf8")).map((library) =>
      library.replace("com.squareup.okhttp3:okhttp:", "com.squareup.okhttp3:okhttp-jvm:"),
    );
    expect(mavenLibraries(readFileSync(join(generatorsDir, "kotlin/pom.xml"), "utf8")).sort()).toEqual(expected.sort());
  });

  it("compiles, leaving no compiler daemon behind, and runs the smoke program against the mock", () => {
    const daemons = kotlinDaemons();
    build();
    expect(kotlinDaemons().filter((pid) => !daemons.includes(pid))).toEqual([]);
    expect(smoke(inject("mockUrl"))).toEqual(expectedSmokeOutput);
  });

  it("decodes every answer of the drift server: unknown properties and values, other ID shapes, a repeated edge", () => {
    expect(smoke(inject("driftUrl"))).toEqual(expectedDriftOutput);
  });
});
