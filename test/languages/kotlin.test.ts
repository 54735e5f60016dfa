// The Kotlin client from OpenAPI Generator (kotlin, jvm-okhttp4): generated from the 3.1 bundle
// with no warning but those generators/WARNINGS.md explains, compiled with Maven and the Kotlin
// Maven plugin (generators/kotlin/pom.xml: the client's own Gradle wrapper cannot download here),
// and run against the mock and against the drift server. The client and its build are kept
// between runs while their inputs stay the same (cache.ts).
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { generated, java, mavenBuild, mvn, openApiGeneratorTools, quickJvm, unexplained } from "./openapi-generator.ts";
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
  let kept: ReturnType<typeof generated> | undefined;
  const generation = () => (kept ??= generated("kotlin", "kotlin"));
  const client = () => generation().client;
  const models = () => join(client(), "src/main/kotlin/dev/example/amazonmusic/albums/models");

  // The client and the smoke program, compiled together by one Maven run (generators/kotlin/pom.xml
  // reads both beside it): the classpath to run it. Made only when an input changed; `compiled`
  // says whether this run made it.
  let classpath: string | undefined;
  let compiled = false;
  const build = (): string => {
    if (classpath) return classpath;
    const pom = join(generatorsDir, "kotlin/pom.xml");
    const smokeProgram = join(generatorsDir, "kotlin/Smoke.kt");
    const made = mavenBuild("kotlin", { paths: [pom, smokeProgram], after: [generation()] }, ".", (dir) => {
      copyFileSync(pom, join(dir, "pom.xml"));
      cpSync(client(), join(dir, "client"), { recursive: true });
      mkdirSync(join(dir, "smoke"));
      copyFileSync(smokeProgram, join(dir, "smoke/Smoke.kt"));
    });
    compiled = made.made;
    classpath = made.classpath;
    return classpath;
  };
  const smoke = (baseUrl: string) => lines(run(java as string, [...quickJvm, "-cp", build(), "SmokeKt"], { env: smokeEnv(baseUrl) }));

  it("generates the client from the 3.1 bundle with no unexplained warning, with the description's model names", () => {
    expect(unexplained("kotlin", generation().output)).toEqual([]);
    expectComponentModels(readdirSync(models()).map((file) => file.replace(/\.kt$/, "")));
    // uniqueItems would make a Set, which drops a repeated edge; the description promises a list.
    expect(readFileSync(join(models(), "LibraryAlbumConnection.kt"), "utf8")).toMatch(/val edges: kotlin\.collections\.List<LibraryAlbumEdge>/);
  });

  it("carries no text about this project", () => {
    expect(projectTextIn(client())).toEqual([]);
  });

  it("builds with the libraries, at the versions, the generated Gradle build names", () => {
    // Maven does not read Gradle's module metadata: it needs OkHttp's JVM artifact by its name.
    const expected = gradleLibraries(readFileSync(join(client(), "build.gradle"), "utf8")).map((library) =>
      library.replace("com.squareup.okhttp3:okhttp:", "com.squareup.okhttp3:okhttp-jvm:"),
    );
    expect(mavenLibraries(readFileSync(join(generatorsDir, "kotlin/pom.xml"), "utf8")).sort()).toEqual(expected.sort());
  });

  it("compiles, leaving no compiler daemon behind, and runs the smoke program against the mock", () => {
    const daemons = kotlinDaemons();
    build();
    // Only a run that compiled can have started one (a warm run reuses the build).
    if (compiled) expect(kotlinDaemons().filter((pid) => !daemons.includes(pid))).toEqual([]);
    expect(smoke(inject("mockUrl"))).toEqual(expectedSmokeOutput);
  });

  it("decodes every answer of the drift server, and reads each error's status and envelope", () => {
    expect(smoke(inject("driftUrl"))).toEqual(expectedDriftOutput);
  });
});
