// The Rust client from OpenAPI Generator (rust, reqwest): generated from the 3.1 bundle with no
// warning but those generators/WARNINGS.md explains, built with Cargo, and run against the mock
// and against the drift server. The client and its build are kept between runs while their
// inputs stay the same (cache.ts), and Cargo's target folder with them (cargo.ts): a new client
// recompiles itself and the smoke program only.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { cargo, cargoSmokeBuild } from "./cargo.ts";
import { generated, openApiGeneratorTools, unexplained } from "./openapi-generator.ts";
import { expectComponentModels, expectedDriftOutput, expectedSmokeOutput, findCommand, lines, missingLanguageTools, projectTextIn, run, smokeEnv } from "./support.ts";

const missing = missingLanguageTools(
  "Rust",
  { cargo, "pkg-config": findCommand("pkg-config"), ...openApiGeneratorTools },
  "rustup (cargo), apt-get install pkg-config libssl-dev (reqwest's native-tls), bash generators/install.sh (the generator)",
);

describe.skipIf(missing !== undefined)("Rust (OpenAPI Generator, reqwest)", () => {
  let kept: ReturnType<typeof generated> | undefined;
  const client = () => (kept ??= generated("rust", "rust"));
  let binary: string | undefined;
  const build = (): string => (binary ??= cargoSmokeBuild("rust", client()).binary);
  const smoke = (baseUrl: string) => lines(run(build(), [], { env: smokeEnv(baseUrl) }));

  it("generates the client from the 3.1 bundle with no unexplained warning, with the description's model names", () => {
    expect(unexplained("rust", client().output)).toEqual([]);
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
