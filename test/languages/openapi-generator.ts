// OpenAPI Generator, as the Rust and Kotlin tests run it: the CLI jar that generators/java/install.sh
// puts in ~/.m2, a generator's configuration from generators/<name>/config.yaml, and the 3.1 bundle;
// and Maven, for the JVM clients.
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
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
  const config = join(generatorsDir, generator, "config.yaml");
  const printed = run(java as string, [...quickJvm, "-jar", jarPath, "generate", "-g", generator, "-c", config, "-i", bundle31, "-o", output]);
  const complaints = /\bWARN|\bERROR|Inline schema created|not supported|unsupported|[Dd]uplicate/;
  const explained = documentedWarnings(`\`${generator}\``);
  return printed.split("\n").filter((line) => complaints.test(line) && !explained.some((warning) => line.includes(warning)));
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
