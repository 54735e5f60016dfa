// The Rust client from progenitor (cargo-progenitor, a crate of its own): generated from the 3.0
// rendering without a warning, once the `default` responses it cannot take are left out (the
// README's command does it; generators/WARNINGS.md says why), built with Cargo, and run against
// the mock and against the drift server.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { languagesCacheDir } from "./build-cache.ts";
import {
  bundle30, expectComponentModels, expectedDriftOutput, expectedSmokeOutput, findCommand, generatorsDir, lines, missingLanguageTools, projectTextIn, run, smokeEnv,
  versions,
} from "./support.ts";

const cargoBin = join(process.env.CARGO_HOME ?? join(homedir(), ".cargo"), "bin");
const cargo = findCommand("cargo", [cargoBin]);
const generator = findCommand("cargo-progenitor", [cargoBin]);
const missing = missingLanguageTools("Rust (progenitor)", { cargo, "cargo-progenitor": generator }, "rustup (cargo), then bash generators/progenitor/install.sh");

// Kept between runs, at fixed paths, as for the other Rust client (rust.test.ts): the first build
// compiles reqwest, tokio and the rest (minutes); later ones, nothing when the client is the same.
// So one run of this file at a time per checkout (Cargo itself waits for the target folder's lock).
const cache = join(languagesCacheDir, "progenitor");
const client = join(cache, "client");
const smokeCrate = join(cache, "smoke");
const target = join(cache, "target");

/** The README's first step: the 3.0 rendering without its `default` responses (generators/WARNINGS.md). */
const withoutDefault = ["/^ *default:$/{N;/UnexpectedError/d;}", bundle30];

/** The README's second step, into `output`. */
const progenitorArgs = (input: string, output: string) => ["progenitor", "-i", input, "-o", output, "-n", "amazon-music-albums", "-v", "1.0.0"];

/** Makes `to` hold what `from` holds, writing only the files that differ: Cargo rebuilds on a newer file, not on a new folder. */
function syncFolder(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  const wanted = new Set(readdirSync(from));
  for (const name of readdirSync(to)) if (!wanted.has(name)) rmSync(join(to, name), { recursive: true, force: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const destination = join(to, entry.name);
    if (entry.isDirectory()) syncFolder(source, destination);
    else if (!existsSync(destination) || !readFileSync(destination).equals(readFileSync(source))) cpSync(source, destination);
  }
}

describe.skipIf(missing !== undefined)("Rust (progenitor)", () => {
  let binary: string | undefined;
  /** Builds once, with the crates Cargo.lock pins (--locked: a generator asking for others fails here). */
  const build = (): string => {
    if (binary) return binary;
    syncFolder(join(generatorsDir, "progenitor/smoke"), smokeCrate);
    run(cargo as string, ["build", "--locked", "--quiet"], { cwd: smokeCrate, env: { CARGO_TARGET_DIR: target } });
    binary = join(target, "debug/albums-progenitor-smoke");
    return binary;
  };
  const smoke = (baseUrl: string) => lines(run(build(), [], { env: smokeEnv(baseUrl) }));

  it("is the version generators/versions.json pins", () => {
    expect(run(cargo as string, ["install", "--list"])).toContain(`cargo-progenitor v${versions["cargo-progenitor"]}:`);
  });

  it("still stops on the `default` responses, which is why the README leaves them out (generators/WARNINGS.md)", () => {
    const scratch = mkdtempSync(join(tmpdir(), "albums-progenitor-"));
    try {
      const result = spawnSync(cargo as string, progenitorArgs(bundle30, join(scratch, "client")), { encoding: "utf8" });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain("assertion failed: response_types.len() <= 1");
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it("generates the client without a warning, with the description's model names", () => {
    const scratch = mkdtempSync(join(tmpdir(), "albums-progenitor-"));
    try {
      const input = join(scratch, "openapi-3.0.yaml");
      writeFileSync(input, run("sed", withoutDefault));
      // The description's five `default` responses, and nothing else.
      expect(readFileSync(bundle30, "utf8").split("\n").length - readFileSync(input, "utf8").split("\n").length).toBe(10);
      const output = run(cargo as string, progenitorArgs(input, join(scratch, "client")));
      // On success it prints only its type space, a table of the types it made, between rules.
      const typeSpace = [/^-+$/, /^ TYPE SPACE$/, /^ *\d+ {2}\S.*$/];
      expect(output.split("\n").filter((line) => line.trim() !== "" && !typeSpace.some((pattern) => pattern.test(line)))).toEqual([]);
      syncFolder(join(scratch, "client"), client);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    const code = readFileSync(join(client, "src/lib.rs"), "utf8");
    const types = /^pub mod types \{([\s\S]*?)^\}/m.exec(code)?.[1] ?? "";
    const names = [...types.matchAll(/^ {4}pub struct (\w+)/gm)].map(([, name]) => name as string);
    // A parameter with a pattern is a type named after its operation and its name, not after
    // its component (AlbumIds, AlbumId, Cursor): the five of them, and no other made-up name.
    const parameterTypes = /^(?:GetAlbums|GetAlbum|GetLibraryAlbums|SaveLibraryAlbum|RemoveLibraryAlbum)(?:Ids|Id|Cursor)$/;
    expect(names.filter((name) => parameterTypes.test(name)).sort()).toEqual(["GetAlbumId", "GetAlbumsIds", "GetLibraryAlbumsCursor", "RemoveLibraryAlbumId", "SaveLibraryAlbumId"]);
    expectComponentModels(names.filter((name) => !parameterTypes.test(name)));
  });

  it("carries no text about this project, only about the API", () => {
    expect(projectTextIn(client)).toEqual([]);
  });

  it("builds, and runs the smoke program against the mock", () => {
    expect(smoke(inject("mockUrl"))).toEqual(expectedSmokeOutput);
  });

  it("decodes every answer of the drift server: unknown properties and values, other ID shapes, a repeated edge", () => {
    expect(smoke(inject("driftUrl"))).toEqual(expectedDriftOutput);
  });
});
