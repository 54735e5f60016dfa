// The Rust client from OpenAPI Generator (rust, reqwest): generated from the 3.1 bundle with no
// warning but those generators/WARNINGS.md explains, built with Cargo, and run against the mock
// and against the drift server.
import { cpSync, readFileSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { cacheDir } from "./cache.ts";
import { cachedClient, openApiGeneratorTools, unexplained } from "./openapi-generator.ts";
import {
  expectComponentModels,
  expectedDriftOutput,
  expectedSmokeOutput,
  findCommand,
  generatorsDir,
  lines,
  missingLanguageTools,
  projectTextIn,
  run,
  smokeEnv,
} from "./support.ts";

const cargo = findCommand("cargo", [join(process.env.CARGO_HOME ?? join(homedir(), ".cargo"), "bin")]);
const missing = missingLanguageTools(
  "Rust",
  { cargo, "pkg-config": findCommand("pkg-config"), ...openApiGeneratorTools },
  "rustup (cargo), apt-get install pkg-config libssl-dev (reqwest's native-tls), bash generators/install.sh (the generator)",
);

// Kept between runs (test/languages/cache.ts): the client, regenerated only when the bundle, its
// configuration or the generator changes, so that Cargo, which rebuilds a crate whose files were
// written anew, rebuilds it only then; and the target folder, where the first build compiles
// reqwest, tokio and the rest (minutes) and later ones only what changed. The crates sit at fixed
// paths, because Cargo names a path crate's artifacts after its path: a new folder each run would
// grow the target folder. So one run of this file at a time per checkout (Cargo itself waits for
// the target folder's lock).
const cache = cacheDir("rust");
const smokeCrate = join(cache, "smoke"); // beside generated/client, where its Cargo.toml looks
const target = join(cache, "target");

describe.skipIf(missing !== undefined)("Rust (OpenAPI Generator, reqwest)", () => {
  let generated: ReturnType<typeof cachedClient> | undefined;
  const client = () => (generated ??= cachedClient("rust", "rust"));
  let binary: string | undefined;
  /** Builds once, with the crates Cargo.lock pins (--locked: a generator asking for others fails here). */
  const build = (): string => {
    if (binary) return binary;
    client();
    rmSync(smokeCrate, { recursive: true, force: true });
    cpSync(join(generatorsDir, "rust/smoke"), smokeCrate, { recursive: true });
    run(cargo as string, ["build", "--locked", "--quiet"], { cwd: smokeCrate, env: { CARGO_TARGET_DIR: target } });
    binary = join(target, "debug/albums-smoke");
    return binary;
  };
  const smoke = (baseUrl: string) => lines(run(build(), [], { env: smokeEnv(baseUrl) }));

  it("generates the client from the 3.1 bundle with no unexplained warning, with the description's model names", () => {
    expect(unexplained("rust", client().printed)).toEqual([]);
    const modules = readFileSync(join(client().client, "src/models/mod.rs"), "utf8");
    expectComponentModels([...modules.matchAll(/^pub use self::\w+::(\w+);$/gm)].map(([, name]) => name as string));
  });

  it("carries no text about this project", () => {
    expect(projectTextIn(client().client)).toEqual([]);
  });

  it("builds, and runs the smoke program against the mock", () => {
    expect(smoke(inject("mockUrl"))).toEqual(expectedSmokeOutput);
  });

  it("decodes every answer of the drift server, and reads each error's status and envelope", () => {
    expect(smoke(inject("driftUrl"))).toEqual(expectedDriftOutput);
  });
});
