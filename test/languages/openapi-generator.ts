// OpenAPI Generator, as the Java, Rust and Kotlin tests run it: the CLI jar that generators/java/install.sh
// puts in ~/.m2, a generator's configuration from generators/<name>/config.yaml, and the 3.1 bundle;
// and Maven, for the JVM clients.
import { copyFileSync, cpSync, existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { cacheDir, cached, inputHash } from "./cache.ts";
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
 * Generates a client with generators/<configDir>/config.yaml (by default the generator's own
 * folder) into `output`. Returns everything the generator printed.
 */
export function runGenerator(generator: string, output: string, configDir: string = generator): string {
  const config = join(generatorsDir, configDir, "config.yaml");
  return run(java as string, [...quickJvm, "-jar", jarPath, "generate", "-g", generator, "-c", config, "-i", bundle31, "-o", output]);
}

/**
 * What a generator said about the description (warnings, errors, schemas it had to patch up)
 * that generators/WARNINGS.md does not list for it: a test expects none.
 */
export function unexplainedWarnings(generator: string, printed: string): string[] {
  const complaints = /\bWARN|\bERROR|Inline schema created|not supported|unsupported|[Dd]uplicate/;
  const explained = documentedWarnings(`\`${generator}\``);
  return printed.split("\n").filter((line) => complaints.test(line) && !explained.some((warning) => line.includes(warning)));
}

/** Generates a client (see runGenerator); returns what unexplainedWarnings finds in what it printed. */
export function generate(generator: string, output: string, configDir: string = generator): string[] {
  return unexplainedWarnings(generator, runGenerator(generator, output, configDir));
}

/**
 * A client generated into node_modules/.cache/languages/<target>/generated/client, kept while the
 * bundle, the configuration and the generator's version stay the same; with what the generator
 * printed when it made it, and the hash of those inputs (for the builds made from the client).
 */
export function cachedClient(target: string, generator: string, configDir: string = generator): { client: string; printed: string; hash: string } {
  const dir = join(cacheDir(target), "generated");
  const hash = inputHash([bundle31, join(generatorsDir, configDir, "config.yaml")], [`openapi-generator-cli ${version}`, `-g ${generator}`]);
  cached(dir, hash, () => writeFileSync(join(dir, "generator.log"), runGenerator(generator, join(dir, "client"), configDir)));
  return { client: join(dir, "client"), printed: readFileSync(join(dir, "generator.log"), "utf8"), hash };
}

/** Maven offline, so a run never reaches the network for what ~/.m2 holds; online only for what it lacks. */
export function maven(args: string[], cwd: string): string {
  const options = { cwd, env: { MAVEN_OPTS: quickJvm.join(" ") } };
  try {
    return run(mvn as string, ["--offline", "--quiet", "--batch-mode", ...args], options);
  } catch (error) {
    if (!/in offline mode/.test(String(error))) throw error;
    return run(mvn as string, ["--quiet", "--batch-mode", ...args], options);
  }
}

/**
 * A generated Java client and a smoke program (the default package's `Smoke`), compiled together
 * by one Maven run into node_modules/.cache/languages/<target>/build, kept while neither they nor
 * the JDK change. Returns the classpath to run the smoke program with.
 */
export function javaSmokeBuild(target: string, generated: { client: string; hash: string }, smokeProgram: string): string {
  const dir = join(cacheDir(target), "build");
  const project = join(dir, "project");
  const classpathFile = join(project, "classpath.txt");
  const dependencies = () => readFileSync(classpathFile, "utf8").trim().split(":");
  const hash = inputHash([smokeProgram], [generated.hash, realpathSync(java as string)]);
  // The dependencies stay in ~/.m2, outside the cache: a build whose jars have gone is made again.
  cached(
    dir,
    hash,
    () => {
      cpSync(generated.client, project, { recursive: true });
      copyFileSync(smokeProgram, join(project, "src/main/java/Smoke.java"));
      maven(["compile", "dependency:build-classpath", `-Dmdep.outputFile=${classpathFile}`], project);
    },
    () => dependencies().every((jar) => existsSync(jar)),
  );
  return [join(project, "target/classes"), ...dependencies()].join(":");
}
