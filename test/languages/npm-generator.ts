// What the tests of the TypeScript generators from npm share: their toolchain (installed by
// generators/<dir>/install.sh from the lockfile there), a build of the generated client with its
// smoke program compiled by tsc --strict (cached by input hash: build-cache.ts), and a run of the
// compiled smoke program.
import { copyFileSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { cachedBuild, type CachedBuild, inputHash } from "./build-cache.ts";
import { bundle31, generatorsDir, lines, missingLanguageTools, npmToolchainDir, run, smokeEnv } from "./support.ts";

export interface NpmGenerator {
  /** The folder under generators/ with its lockfile, smoke program and tsconfig.json. */
  dir: string;
  /** The generator's npm package, pinned in generators/versions.json. */
  package: string;
  /** What the README calls it. */
  name: string;
}

/** The toolchain folder, or undefined (the test skips, or fails under CI=true) before install.sh ran. */
export function npmToolchain(generator: NpmGenerator): { toolchain: string | undefined; missing: string | undefined } {
  const toolchain = npmToolchainDir(generator.dir);
  const missing = missingLanguageTools(`TypeScript (${generator.name})`, { [generator.package]: toolchain }, `bash generators/${generator.dir}/install.sh (needs npm)`);
  return { toolchain, missing };
}

/**
 * The generated client and the compiled smoke program, in a folder laid out as a team's would be
 * (smoke.ts, tsconfig.json and package.json beside the toolchain's node_modules): `generate`
 * runs the generator there and returns what it printed; tsc --strict then compiles the lot, and
 * fails the build on any error. Cached by the hash of the bundle, the generator's folder
 * (lockfile, config, smoke program) and `inputs`.
 */
export function buildNpmClient(generator: NpmGenerator, toolchain: string, generate: (dir: string, modules: string) => string, inputs: string[] = []): CachedBuild {
  const own = join(generatorsDir, generator.dir);
  const hash = inputHash([bundle31, own, ...inputs], [toolchain]);
  return cachedBuild(generator.dir, hash, (dir) => {
    for (const file of ["smoke.ts", "tsconfig.json", "package.json"]) copyFileSync(join(own, file), join(dir, file));
    const modules = join(toolchain, "node_modules");
    symlinkSync(modules, join(dir, "node_modules"), "dir");
    const output = generate(dir, modules);
    run(process.execPath, [join(modules, "typescript/bin/tsc"), "-p", dir], { cwd: dir });
    return output;
  });
}

/** What the generator printed, as lines without colour, blank ones left out. */
export const outputLines = (output: string): string[] =>
  stripVTControlCharacters(output)
    .split("\n")
    .filter((line) => line.trim() !== "");

/** The compiled smoke program's lines against a server. */
export const runSmoke = (build: CachedBuild, baseUrl: string): string[] =>
  lines(run(process.execPath, [join(build.dir, "dist/smoke.js")], { cwd: build.dir, env: smokeEnv(baseUrl) }));

/** The installed version of the generator, read from its package.json in the toolchain. */
export const toolchainVersion = (toolchain: string, name: string): string =>
  (JSON.parse(readFileSync(join(toolchain, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
