// The Python client from OpenAPI Generator's python (pydantic v2 over urllib3), at its default
// settings: generated from the 3.1 bundle with no warning but those generators/WARNINGS.md
// explains, type-checked with mypy (the package by its own configuration, the smoke program
// strictly), and run against the mock and against the drift server. Generated and checked once
// per set of inputs (cache.ts).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { cached, type Cached } from "./cache.ts";
import { openApiGeneratorInputs, openApiGeneratorTools, runGenerator, unexplained } from "./openapi-generator.ts";
import {
  expectComponentModels, expectedDriftOutput, expectedSmokeOutput, generatorsDir, lines, missingLanguageTools, projectTextIn, run, smokeEnv,
} from "./support.ts";

const own = join(generatorsDir, "python-openapi-generator");

/** The virtual environment generators/python-openapi-generator/install.sh made for requirements.txt, or undefined. */
function environment(): string | undefined {
  const cache = process.env.ALBUMS_GENERATORS_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "amazon-music-albums-generators");
  const hash = createHash("sha256").update(readFileSync(join(own, "requirements.txt"))).digest("hex").slice(0, 12);
  const folder = join(cache, `python-openapi-generator-${hash}`);
  return existsSync(join(folder, ".installed")) ? folder : undefined;
}

const venv = environment();
const python = venv && join(venv, "bin/python");
const missing = missingLanguageTools(
  "Python (OpenAPI Generator)",
  { ...openApiGeneratorTools, "python-openapi-generator's environment": venv },
  "bash generators/java/install.sh (the generator), bash generators/python-openapi-generator/install.sh (needs python3 with venv)",
);

/** mypy's findings (`file:line: error: ...`), whatever its exit code says. */
function mypy(args: string[], cwd: string, env: Record<string, string> = {}): string[] {
  const result = spawnSync(python as string, ["-m", "mypy", "--no-color-output", "--no-error-summary", ...args], { cwd, env: { ...process.env, ...env }, encoding: "utf8" });
  if (result.status !== 0 && result.status !== 1) throw new Error(`mypy failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  return result.stdout.split("\n").filter((line) => line.includes(": error: "));
}

describe.skipIf(missing !== undefined)("Python (OpenAPI Generator, python)", () => {
  // Opened in beforeAll, not here: a skipped suite must not touch the cache.
  let cache: Cached;
  let client: string;
  beforeAll(() => {
    cache = cached("python-openapi-generator", { paths: [...openApiGeneratorInputs.paths, own, fileURLToPath(import.meta.url)], strings: openApiGeneratorInputs.strings });
    client = join(cache.dir, "clients/python-openapi-generator");
  });

  const generate = () =>
    cache.step("generate", () => {
      rmSync(client, { recursive: true, force: true });
      return runGenerator("python", client, join(own, "config.yaml"));
    });
  /** mypy's findings, the package's (by the configuration in its pyproject.toml) then the smoke program's (strict). */
  const typecheck = (): string[] => {
    generate();
    const findings = cache.step("typecheck", () => {
      copyFileSync(join(own, "smoke.py"), join(cache.dir, "smoke.py"));
      const cacheDir = ["--cache-dir", join(cache.dir, ".mypy_cache")];
      const ofPackage = mypy([...cacheDir, "amazon_music_albums"], client);
      // The program strictly; the package's own findings are the line above's, not repeated here.
      const ofProgram = mypy([...cacheDir, "--strict", "--follow-imports=silent", "smoke.py"], cache.dir, { MYPYPATH: client });
      return JSON.stringify([...ofPackage, ...ofProgram]);
    });
    return JSON.parse(findings) as string[];
  };
  const smoke = (baseUrl: string) =>
    lines(run(python as string, [join(cache.dir, "smoke.py")], { cwd: cache.dir, env: { ...smokeEnv(baseUrl), PYTHONPATH: client } }));

  it("generates the client from the 3.1 bundle with no unexplained warning, with the description's model names", () => {
    expect(unexplained("python", generate())).toEqual([]);
    const models = readFileSync(join(client, "amazon_music_albums/models/__init__.py"), "utf8");
    expectComponentModels([...models.matchAll(/^from amazon_music_albums\.models\.\w+ import (\w+)$/gm)].map(([, name]) => name as string));
  });

  it("copies no text about this project into the client", () => {
    generate();
    expect(projectTextIn(client)).toEqual([]);
  });

  it("type-checks with mypy: the package by its own configuration, the smoke program strictly", () => {
    expect(typecheck()).toEqual([]);
  });

  it("runs the smoke program against the mock", () => {
    typecheck();
    expect(smoke(inject("mockUrl"))).toEqual(expectedSmokeOutput);
  });

  it("decodes every answer of the drift server: unknown properties and values, integers past 2^31, an HTML 502, a 503 through `default`", () => {
    typecheck();
    expect(smoke(inject("driftUrl"))).toEqual(expectedDriftOutput);
  });
});
