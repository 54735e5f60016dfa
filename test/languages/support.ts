// What the language tests share: the generator versions, finding a toolchain (or skipping with
// what to install, except under CI=true), running a command with its output kept, a scratch
// folder per test, what every language's smoke program must print, the description's component
// names, and the generator warnings generators/WARNINGS.md accounts for.
import { execFileSync, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { expect, inject } from "vitest";
import { projectRoot } from "../../scripts/redocly.ts";
import { findCommand, missingTools } from "../support/tools.ts";

export { findCommand };

export const generatorsDir = join(projectRoot, "generators");
export const versions = JSON.parse(readFileSync(join(generatorsDir, "versions.json"), "utf8")) as Record<
  "openapi-python-client" | "oapi-codegen" | "openapi-generator-cli" | "@hey-api/openapi-ts" | "ogen" | "axios" | "pydantic",
  string
>;

// What every smoke program prints against the mock and against the drift server (the same calls
// in every language, our client's included: test/support/client-smoke.ts).
export { expectedDriftOutput, expectedSmokeOutput } from "../support/drift-server.ts";

export const goBin = () => {
  const go = findCommand("go");
  return go ? join(execFileSync(go, ["env", "GOPATH"], { encoding: "utf8" }).trim(), "bin") : join(homedir(), "go", "bin");
};

/** What is missing for a language, or undefined; see test/support/tools.ts. */
export function missingLanguageTools(
  language: string,
  tools: Record<string, string | undefined>,
  install = "bash generators/install.sh (needs python3 with pip, go, java and mvn)",
): string | undefined {
  return missingTools(language, tools, install);
}

/** Runs a command to completion; throws with everything it printed when it fails. */
export function run(command: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): string {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? projectRoot,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status}):\n${output}`);
  return output;
}

export function scratchDir(language: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `albums-${language}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * The environment a smoke program reads: the server's URL (the mock's unless told) and
 * credentials. Each run is a user of its own (a new token), whose library starts empty.
 */
export const smokeEnv = (baseUrl: string = inject("mockUrl")) => ({
  ALBUMS_BASE_URL: baseUrl,
  ALBUMS_API_KEY: "amzn1.application.languages",
  ALBUMS_ACCESS_TOKEN: `languages-${randomUUID()}`,
});

export const bundle31 = join(projectRoot, "generated/openapi.yaml");
export const bundle30 = join(projectRoot, "generated/openapi-3.0.yaml");

/** A smoke program's output as lines, to compare with expectedSmokeOutput or expectedDriftOutput. */
export const lines = (output: string): string[] => output.trim().split("\n");

const schemas = (JSON.parse(readFileSync(join(projectRoot, "generated/openapi.json"), "utf8")) as {
  components: { schemas: Record<string, { type?: string }> };
}).components.schemas;

const schemaNames = Object.keys(schemas);
/** The object components: each is a model of its own name in every generated client. */
export const objectSchemaNames = schemaNames.filter((name) => schemas[name]?.type === "object");

/**
 * A generated client's models carry the description's names: each is a component (a generator
 * names an unnamed schema itself, after an operation and a status: `GetAlbum200Response`,
 * `InlineObject`), and each object component has its model. Open sets of strings need none.
 */
export function expectComponentModels(models: string[]): void {
  expect(models.filter((name) => !schemaNames.includes(name)), "models that are no component").toEqual([]);
  expect(objectSchemaNames.filter((name) => !models.includes(name)), "components without their model").toEqual([]);
}

/**
 * The warnings generators/WARNINGS.md lists for a generator (the verbatim text in backticks of
 * each row naming it, in the table of warnings): the only ones a test lets through, so none goes
 * unexplained. Its other table, of the generators' bugs and their workarounds, lets nothing through.
 */
export function documentedWarnings(generator: string): string[] {
  const lines = readFileSync(join(generatorsDir, "WARNINGS.md"), "utf8").split("\n");
  const header = lines.findIndex((line) => line.startsWith("| generator | warning (verbatim) |"));
  if (header === -1) throw new Error("generators/WARNINGS.md has no table of warnings");
  const end = lines.findIndex((line, index) => index > header && !line.startsWith("|"));
  const table = lines.slice(header, end === -1 ? undefined : end);
  return table
    .map((line) => line.split("|").map((cell) => cell.trim()))
    .filter(([, name]) => name?.includes(generator))
    .map(([, , warning]) => /^`(.+)`$/.exec(warning ?? "")?.[1])
    .filter((warning): warning is string => warning !== undefined);
}

/**
 * Text about this project rather than the API, which a generated client must not copy from the
 * description (its info, operations, parameters and schemas talk about the API only).
 */
export const projectText = [/\bmock\b/i, /127\.0\.0\.1/, /npm (?:start|test|run)/, /Amazon's (?:own )?(?:page|example)/, /\bDecisions on\b/, /this project/i];

/** Every file under `dir` (but build output and dependencies) that carries project text, as `file: match`. */
export function projectTextIn(dir: string, skip: RegExp = /(?:^|\/)(?:node_modules|target|build|\.gradle|\.git|vendor|__pycache__)(?:\/|$)/): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      const name = relative(dir, path);
      if (skip.test(name)) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const text = readFileSync(path, "utf8");
        for (const pattern of projectText) {
          const match = pattern.exec(text);
          if (match) found.push(`${name}: ${match[0]}`);
        }
      }
    }
  };
  walk(dir);
  return found;
}
