// The Rust client of progenitor, used as its documentation's `build.rs` way: a client crate
// (generators/progenitor/client) whose build script runs progenitor, a library, on the 3.0
// rendering without the `default` responses progenitor cannot take (the README's command leaves
// them out; generators/WARNINGS.md says why), compiled without a warning, and run against the mock
// and against the drift server. Kept between runs while its inputs stay the same (cache.ts), and
// built in the Cargo target folder of both Rust clients (cargo.ts).
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";
import { cargoTargetDir, keep, type Kept } from "./cache.ts";
import { cargo, cargoMessages, cargoSmokeBuild, cargoWarnings } from "./cargo.ts";
import {
  bundle30, expectComponentModels, expectedDriftOutput, expectedSmokeOutput, generatorsDir, lines, missingLanguageTools, projectTextIn, run, smokeEnv,
  versions,
} from "./support.ts";

const missing = missingLanguageTools("Rust (progenitor)", { cargo }, "rustup (cargo)");
const template = join(generatorsDir, "progenitor/client");

/** The README's first step: the 3.0 rendering without its `default` responses (generators/WARNINGS.md). */
const withoutDefault = ["/^ *default:$/{N;/UnexpectedError/d;}", bundle30];

describe.skipIf(missing !== undefined)("Rust (progenitor)", () => {
  // Laid out by the first test that needs it, not at collection: a skipped suite must not touch the cache.
  let kept: Kept | undefined;
  const generated = () =>
    (kept ??= keep("progenitor", "generated", { paths: [bundle30, template, fileURLToPath(import.meta.url)] }, (dir) => {
      // As the README's command lays it out in clients/progenitor.
      cpSync(template, join(dir, "client"), { recursive: true });
      writeFileSync(join(dir, "client/openapi.yaml"), run("sed", withoutDefault));
      return "";
    }));
  /** The smoke program and the client, built; the code progenitor wrote is kept beside them (code/codegen.rs). */
  let built: ReturnType<typeof cargoSmokeBuild> | undefined;
  const build = () =>
    (built ??= cargoSmokeBuild("progenitor", generated(), (dir, messages) => {
      const outDir = messages.find((message) => message.reason === "build-script-executed" && message.package_id?.includes("amazon-music-albums"))?.out_dir;
      if (!outDir) throw new Error("the client's build script did not run");
      cpSync(join(outDir, "codegen.rs"), join(dir, "code/codegen.rs"));
    }));
  const code = () => readFileSync(join(build().dir, "code/codegen.rs"), "utf8");
  const smoke = (baseUrl: string) => lines(run(build().binary, [], { env: smokeEnv(baseUrl) }));

  it("is the version generators/versions.json pins, in the client's Cargo.lock", () => {
    const lock = readFileSync(join(template, "Cargo.lock"), "utf8");
    expect(/\[\[package\]\]\nname = "progenitor"\nversion = "([^"]+)"/.exec(lock)?.[1]).toBe(versions.progenitor);
  });

  it("pins the crates it shares with the other Rust client at the versions that one pins, so that they compile once", () => {
    /** Each crate a Cargo.lock pins, as `name version`. */
    const pins = (lockfile: string) => [...readFileSync(join(generatorsDir, lockfile), "utf8").matchAll(/^name = "([^"]+)"\nversion = "([^"]+)"/gm)].map(([, name, version]) => `${name} ${version}`);
    const name = (pin: string) => pin.split(" ")[0];
    const smokeCrate = pins("progenitor/smoke/Cargo.lock");
    const names = new Set(smokeCrate.map(name));
    expect(pins("rust/smoke/Cargo.lock").filter((pin) => names.has(name(pin)) && !smokeCrate.includes(pin))).toEqual([]);
    // The client crate alone (the README's command builds it so) takes the smoke crate's versions.
    expect(pins("progenitor/client/Cargo.lock").filter((pin) => !smokeCrate.includes(pin))).toEqual([]);
  });

  it("still stops on the `default` responses, which is why the README leaves them out (generators/WARNINGS.md)", () => {
    // The build script runs progenitor on the whole 3.0 rendering. `cargo build`, as the README's
    // command builds the crate: what it compiles in the shared target folder is then what that
    // command and the smoke crate's build need. A `cargo check` would not serve them: a build
    // compiles a crate that the build script and the client both use (serde, memchr...) once for
    // both, and progenitor against it; a check compiles the build script's copy apart, and
    // progenitor and its dependencies again over it: minutes more on a cold run.
    const failed = keep("progenitor", "with-default", { paths: [bundle30, template, fileURLToPath(import.meta.url)] }, (dir) => {
      cpSync(template, join(dir, "client"), { recursive: true });
      cpSync(bundle30, join(dir, "client/openapi.yaml"));
      try {
        run(cargo as string, ["build", "--locked", "--quiet"], { cwd: join(dir, "client"), env: { CARGO_TARGET_DIR: cargoTargetDir } });
        return "built";
      } catch (error) {
        return String(error);
      }
    });
    expect(failed.output).toContain("assertion failed: response_types.len() <= 1");
  });

  it("generates the client without a warning, with the description's model names", () => {
    // The description's five `default` responses, and nothing else.
    const input = readFileSync(join(generated().dir, "client/openapi.yaml"), "utf8");
    expect(readFileSync(bundle30, "utf8").split("\n").length - input.split("\n").length).toBe(10);
    // Neither the build script nor the compiler has anything to say about the client crate.
    expect(cargoWarnings(cargoMessages(build().output))).toEqual([]);
    const types = /^pub mod types \{([\s\S]*?)^\}/m.exec(code())?.[1] ?? "";
    const names = [...types.matchAll(/^ {4}pub struct (\w+)/gm)].map(([, name]) => name as string);
    // A parameter with a pattern is a type named after its operation and its name, not after
    // its component (AlbumIds, AlbumId, Cursor): the five of them, and no other made-up name.
    const parameterTypes = /^(?:GetAlbums|GetAlbum|GetLibraryAlbums|SaveLibraryAlbum|RemoveLibraryAlbum)(?:Ids|Id|Cursor)$/;
    expect(names.filter((name) => parameterTypes.test(name)).sort()).toEqual(["GetAlbumId", "GetAlbumsIds", "GetLibraryAlbumsCursor", "RemoveLibraryAlbumId", "SaveLibraryAlbumId"]);
    expectComponentModels(names.filter((name) => !parameterTypes.test(name)));
  });

  it("carries no text about this project, only about the API", () => {
    expect(projectTextIn(join(build().dir, "code"))).toEqual([]);
  });

  it("builds, and runs the smoke program against the mock", () => {
    expect(smoke(inject("mockUrl"))).toEqual(expectedSmokeOutput);
  });

  it("decodes every answer of the drift server: unknown properties and values, other ID shapes, a repeated edge", () => {
    expect(smoke(inject("driftUrl"))).toEqual(expectedDriftOutput);
  });
});
