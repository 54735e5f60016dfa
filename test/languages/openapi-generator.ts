// OpenAPI Generator, as the tests of its clients run it (Java, Rust, Kotlin, TypeScript with fetch
// and with axios, Go, Python, PHP): the CLI jar that generators/java/install.sh puts in ~/.m2, a
// generator's configuration from generators/<name>/ (or none), and the 3.1 bundle; and Maven, for
// the JVM clients.
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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
 * Generates a client with generators/<generator>/config.yaml into `output`. Returns what the
 * generator said about the description (warnings, errors, schemas it had to patch up) that
 * generators/WARNINGS.md does not list for it: a test expects none.
 */
export function generate(generator: string, output: string): string[] {
  return unexplained(generator, runGenerator(generator, output, join(generatorsDir, generator, "config.yaml")));
}

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
