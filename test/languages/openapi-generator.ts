// OpenAPI Generator, as the tests of its clients run it (Java, Rust, Kotlin, TypeScript with fetch
// and with axios, Go, Python, PHP): the CLI jar that generators/java/install.sh puts in ~/.m2, a
// generator's configuration from generators/<name>/ (or none), and the 3.1 bundle; and Maven, for
// the JVM clients.
import { copyFileSync, cpSync, existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cacheDir, cachedFolder, inputHash } from "./cache.ts";
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
  const explained = documentedWarnings(`\`${generator}\``);
  return printed.split("\n").filter((line) => complaints.test(line) && !explained.some((warning) => line.includes(warning)));
}

/** What goes into every client of this generator: its version and the bundle (for cached(), with the target's own files). */
export const openApiGeneratorInputs = { paths: [bundle31, fileURLToPath(import.meta.url)], strings: [`openapi-generator-cli ${version}`] };

/**
 * A client generated into node_modules/.cache/languages/<target>/generated/client, kept while the
 * bundle, the configuration and the generator's version stay the same; with what the generator
 * printed when it made it, and the hash of those inputs (for the builds made from the client).
 */
export function cachedClient(target: string, generator: string, configDir: string = generator): { client: string; printed: string; hash: string } {
  const dir = join(cacheDir(target), "generated");
  const config = join(generatorsDir, configDir, "config.yaml");
  const hash = inputHash([bundle31, config], [`openapi-generator-cli ${version}`, `-g ${generator}`]);
  cachedFolder(dir, hash, () => writeFileSync(join(dir, "generator.log"), runGenerator(generator, join(dir, "client"), config)));
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
  cachedFolder(
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
