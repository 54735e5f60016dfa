// What the tests of the TypeScript clients share (hey-api, orval, openapi-zod-client,
// typed-openapi, and OpenAPI Generator's typescript-fetch and typescript-axios): the npm toolchain
// generators/<dir>/install.sh installs from the lockfile there (generators/npm-toolchain.sh), a
// build of the client with its smoke program compiled by tsc --strict, kept by input hash
// (cache.ts), and a run of the compiled smoke program.
import { copyFileSync, cpSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";
import { type Inputs, keep, type Kept } from "./cache.ts";
import { bundle31, generatorsDir, installedToolchain, lines, missingLanguageTools, run, smokeEnv } from "./support.ts";

/**
 * The toolchain generators/<dir>/install.sh installed, or undefined before it ran; and what is
 * missing of it and of the other `tools` (the test skips, or fails under CI=true), `what` naming
 * the toolchain in the message.
 */
export function npmToolchain(
  language: string,
  dir: string,
  what: string,
  { tools = {}, install = `bash generators/${dir}/install.sh (needs npm)` }: { tools?: Record<string, string | undefined>; install?: string } = {},
): { toolchain: string | undefined; missing: string | undefined } {
  const toolchain = installedToolchain(dir, "package-lock.json");
  return { toolchain, missing: missingLanguageTools(language, { ...tools, [what]: toolchain }, install) };
}

export type TypeScriptBuild = Kept & { client: string };

/**
 * The client and the compiled smoke program of generators/<dir>/, in the kept step `build` of
 * that target, laid out as a team's folder would be (smoke.ts, tsconfig.json and package.json
 * beside the toolchain's node_modules): `generate` writes the client into clients/<dir>/ there
 * and returns what the generator printed; tsc then compiles the lot as its tsconfig.json says and
 * fails the build on any error. Kept while the bundle, generators/<dir>/, the toolchain and
 * `inputs` stay the same.
 */
export function typescriptBuild(dir: string, toolchain: string, generate: (build: string, modules: string) => string, inputs: Inputs = {}): TypeScriptBuild {
  const own = join(generatorsDir, dir);
  const modules = join(toolchain, "node_modules");
  const kept = keep(
    dir,
    "build",
    { ...inputs, paths: [bundle31, own, fileURLToPath(import.meta.url), ...(inputs.paths ?? [])], values: [toolchain, ...(inputs.values ?? [])] },
    (build) => {
      for (const file of ["smoke.ts", "tsconfig.json", "package.json"]) copyFileSync(join(own, file), join(build, file));
      symlinkSync(modules, join(build, "node_modules"), "dir");
      const output = generate(build, modules);
      run(process.execPath, [join(modules, "typescript/bin/tsc"), "-p", build], { cwd: build });
      return output;
    },
  );
  return { ...kept, client: join(kept.dir, "clients", dir) };
}

/** The client OpenAPI Generator wrote (openapi-generator.ts's generated()), built with its smoke program as typescriptBuild says. */
export const generatedClientBuild = (dir: string, toolchain: string, generated: Kept & { client: string }): TypeScriptBuild =>
  typescriptBuild(dir, toolchain, (build) => (cpSync(generated.client, join(build, "clients", dir), { recursive: true }), ""), { after: [generated] });

/** What a generator printed, as lines without colour, blank ones left out. */
export const outputLines = (output: string): string[] =>
  stripVTControlCharacters(output)
    .split("\n")
    .filter((line) => line.trim() !== "");

/** The compiled smoke program's lines against a server. */
export const runSmoke = (build: Kept, baseUrl: string): string[] =>
  lines(run(process.execPath, [join(build.dir, "dist/smoke.js")], { cwd: build.dir, env: smokeEnv(baseUrl) }));

/** The installed version of a package of the toolchain. */
export const toolchainVersion = (toolchain: string, name: string): string =>
  (JSON.parse(readFileSync(join(toolchain, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
