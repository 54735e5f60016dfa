// OpenAPI Generator, as the tests of its clients run it (Java, Rust, Kotlin, TypeScript with fetch
// and with axios, Go, Python, PHP): the CLI jar that generators/java/install.sh puts in ~/.m2, a
// generator's configuration from generators/<name>/ (or none), and the 3.1 bundle; and Maven, for
// the JVM clients.
import { copyFileSync, cpSync, existsSync, readFileSync, realpathSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Inputs, keep, type Kept } from "./cache.ts";
import { bundle31, documentedWarnings, findCommand, generatorsDir, run, versions } from "./support.ts";

const version = versions["openapi-generator-cli"];
const jarPath = join(homedir(), ".m2/repository/org/openapitools/openapi-generator-cli", version, `openapi-generator-cli-${version}.jar`);
export const java = findCommand("java");
export const mvn = findCommand("mvn");

/** The tools to check with missingLanguageTools: java and the jar. */
export const openApiGeneratorTools = { java, [`openapi-generator-cli-${version}.jar`]: existsSync(jarPath) ? jarPath : undefined };

// A JVM that lives a few seconds: C1 alone and the serial collector cut its CPU time on 2 cores.
export const quickJvm = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];

/**
 * Runs `-g generator` on the 3.1 bundle into `output`, with a configuration file or none (every
 * option at its default), and returns all it printed.
 */
export function runGenerator(generator: string, output: string, config?: string): string {
  const configuration = config === undefined ? [] : ["-c", config];
  return run(java as string, [...quickJvm, "-jar", jarPath, "generate", "-g", generator, ...configuration, "-i", bundle31, "-o", output]);
}

/** The lines of a generator's output that say something about the description and that generators/WARNINGS.md does not explain. */
export function unexplained(generator: string, printed: string): string[] {
  const complaints = /\bWARN|\bERROR|Inline schema created|not supported|unsupported|[Dd]uplicate/;
  const explained = documentedWarnings(generator);
  return printed.split("\n").filter((line) => complaints.test(line) && !explained.some((warning) => line.includes(warning)));
}

/**
 * The client of `generator` (generators/<target>/config.yaml when there is one, or every option
 * at its default), generated into <step>/client and kept (cache.ts) while the bundle, the
 * configuration and the generator's version stay the same; `output` is all the generator printed.
 */
export function generated(target: string, generator: string): Kept & { client: string } {
  const config = join(generatorsDir, target, "config.yaml");
  const configuration = existsSync(config) ? config : undefined;
  const kept = keep(
    target,
    "generated",
    { paths: [bundle31, ...(configuration ? [configuration] : []), fileURLToPath(import.meta.url)], values: [`openapi-generator-cli ${version}`, `-g ${generator}`] },
    (dir) => runGenerator(generator, join(dir, "client"), configuration),
  );
  return { ...kept, client: join(kept.dir, "client") };
}

/** Maven offline, so a run never reaches the network for what ~/.m2 holds; online only for what it lacks. */
export function maven(args: string[], cwd: string): string {
  // The quick JVM's options after any the environment gives (a local repository of its own, say).
  const options = { cwd, env: { MAVEN_OPTS: [process.env.MAVEN_OPTS ?? "", ...quickJvm].join(" ").trim() } };
  try {
    return run(mvn as string, ["--offline", "--quiet", "--batch-mode", ...args], options);
  } catch (error) {
    if (!/in offline mode/.test(String(error))) throw error;
    return run(mvn as string, ["--quiet", "--batch-mode", ...args], options);
  }
}

/**
 * A Maven build (`compile`, and the dependencies' classpath) of the project that `prepare` lays
 * out in the folder `project` of the kept step `build` of `target`, made from `inputs` (the
 * client's step among them) with this JDK: kept while they stay the same and the dependencies'
 * jars, which stay in ~/.m2, are still there. Returns the classpath to run the program with, and
 * whether this run compiled.
 */
export function mavenBuild(target: string, inputs: Inputs, project: string, prepare: (project: string) => void): { classpath: string; made: boolean } {
  const classpath = (dir: string) => readFileSync(join(dir, "classpath.txt"), "utf8").trim().split(":");
  const build = keep(
    target,
    "build",
    { ...inputs, paths: [...(inputs.paths ?? []), fileURLToPath(import.meta.url)], values: [...(inputs.values ?? []), realpathSync(java as string)] },
    (dir) => {
      prepare(join(dir, project));
      return maven(["compile", "dependency:build-classpath", `-Dmdep.outputFile=${join(dir, "classpath.txt")}`], join(dir, project));
    },
    (dir) => classpath(dir).every((jar) => existsSync(jar)),
  );
  return { classpath: [join(build.dir, project, "target/classes"), ...classpath(build.dir)].join(":"), made: build.made };
}

/** A generated Java client and a smoke program (the default package's `Smoke`), compiled together (see mavenBuild). */
export function javaSmokeBuild(target: string, client: Kept & { client: string }, smokeProgram: string): { classpath: string; made: boolean } {
  return mavenBuild(target, { paths: [smokeProgram], after: [client] }, "project", (project) => {
    cpSync(client.client, project, { recursive: true });
    copyFileSync(smokeProgram, join(project, "src/main/java/Smoke.java"));
  });
}
