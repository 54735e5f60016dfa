// The TypeScript client from @hey-api/openapi-ts (its fetch client, every 2xx body checked by the
// zod schemas it generates): generated from the 3.1 bundle without a warning, compiled with
// tsc --strict, and run with node against the mock and against the drift server.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, symlinkSync } from "node:fs";
import { homedir } from "node:os";
import { stripVTControlCharacters } from "node:util";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../scripts/redocly.ts";
import { bundle31, expectedDriftOutput, expectedSmokeOutput, generatorsDir, missingLanguageTools, run, scratchDir, smokeEnv, versions } from "./support.ts";

const own = join(generatorsDir, "typescript");

/** The folder generators/typescript/install.sh fills: named after the lockfile's hash, so a changed pin installs anew. */
function toolchainDir(): string | undefined {
  const cache = process.env.ALBUMS_GENERATORS_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "amazon-music-albums-generators");
  const hash = createHash("sha256").update(readFileSync(join(own, "package-lock.json"))).digest("hex").slice(0, 12);
  const dir = join(cache, `typescript-${hash}`);
  return existsSync(join(dir, ".installed")) ? dir : undefined;
}

const toolchain = toolchainDir();
const components = Object.keys(
  (JSON.parse(readFileSync(join(projectRoot, "generated/openapi.json"), "utf8")) as { components: { schemas: Record<string, unknown> } }).components.schemas,
);
const missing = missingLanguageTools("TypeScript", { [`@hey-api/openapi-ts ${versions["@hey-api/openapi-ts"]}`]: toolchain }, "bash generators/typescript/install.sh (needs npm)");

describe.skipIf(missing !== undefined)("TypeScript (@hey-api/openapi-ts, fetch client)", () => {
  // Made in beforeAll, not here: a skipped suite runs no hooks, and would leave the folder behind.
  let scratch: ReturnType<typeof scratchDir>;
  beforeAll(() => {
    scratch = scratchDir("typescript");
  });
  afterAll(() => scratch?.remove());
  // Collected even when skipped: no path may be built from a missing toolchain here.
  const modules = join(toolchain ?? "", "node_modules");

  it("pins the version generators/versions.json names", () => {
    const manifest = JSON.parse(readFileSync(join(own, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const installed = JSON.parse(readFileSync(join(modules, "@hey-api/openapi-ts/package.json"), "utf8")) as { version: string };
    expect(manifest.dependencies["@hey-api/openapi-ts"]).toBe(versions["@hey-api/openapi-ts"]);
    expect(installed.version).toBe(versions["@hey-api/openapi-ts"]);
  });

  it("generates the client without a warning, with the description's model names", () => {
    for (const file of ["smoke.ts", "tsconfig.json", "package.json"]) copyFileSync(join(own, file), join(scratch.path, file));
    symlinkSync(modules, join(scratch.path, "node_modules"), "dir");
    // The team's command, from the scratch folder, with the input given absolutely.
    const args = [join(modules, "@hey-api/openapi-ts/bin/run.js"), "-f", join(own, "openapi-ts.config.mjs"), "-i", bundle31, "--no-log-file"];
    const output = run(process.execPath, args, { cwd: scratch.path });
    const client = join(scratch.path, "clients/typescript");
    // On success it prints its banner, the input and the output folder (in colour, whatever
    // NO_COLOR says); any other line is a warning.
    const expected = [/^@hey-api\/openapi-ts v\S+$/, /^\[Job 1\] ⏳ Generating from 1 input:$/, /^\[Job 1\] +\[1\] \S+$/, /^\[Job 1\] ✅ Done! Your output is in \S*clients\/typescript$/];
    const lines = stripVTControlCharacters(output).split("\n").filter((line) => line.trim() !== "");
    expect(lines.filter((line) => !expected.some((pattern) => pattern.test(line)))).toEqual([]);
    expect(lines).toHaveLength(expected.length);
    // Every component is a type of its own name, and a zod schema of that name with a `z`.
    const types = readFileSync(join(client, "types.gen.ts"), "utf8");
    const schemas = readFileSync(join(client, "zod.gen.ts"), "utf8");
    expect(components.filter((name) => !types.includes(`\nexport type ${name} = `))).toEqual([]);
    expect(components.filter((name) => !schemas.includes(`\nexport const z${name} = `))).toEqual([]);
    // An unnamed response schema would be written out inline under its status: every status
    // of every operation must name a component.
    expect(types.match(/^ {4}\d{3}: (?![A-Z]\w*;$).*$/gm) ?? []).toEqual([]);
  });

  it("compiles with tsc --strict, and runs the smoke program against the mock", () => {
    run(process.execPath, [join(modules, "typescript/bin/tsc"), "-p", scratch.path, "--strict"], { cwd: scratch.path });
    const output = run(process.execPath, [join(scratch.path, "dist/smoke.js")], { cwd: scratch.path, env: smokeEnv() });
    expect(output.trim().split("\n")).toEqual(expectedSmokeOutput);
  });

  it("decodes the drift server's evolved answers", () => {
    const output = run(process.execPath, [join(scratch.path, "dist/smoke.js")], { cwd: scratch.path, env: smokeEnv(inject("driftUrl")) });
    expect(output.trim().split("\n")).toEqual(expectedDriftOutput);
  });
});
