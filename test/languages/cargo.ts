// Cargo, as the tests of the two Rust clients (OpenAPI Generator's rust, progenitor) run it: each
// smoke crate built against its client in a kept step (cache.ts), with the crates its Cargo.lock
// pins, into the one Cargo target folder of both, so that what they share (reqwest, tokio, serde
// and the rest: the two lockfiles pin them alike, and the smoke crates ask reqwest for the same
// features) compiles once; the first build compiles them (minutes), later ones only what changed.
import { copyFileSync, cpSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cargoTargetDir, keep, type Kept } from "./cache.ts";
import { findCommand, generatorsDir, run } from "./support.ts";

/** Where rustup puts cargo (and `cargo install` its commands). */
export const cargoBin = join(process.env.CARGO_HOME ?? join(homedir(), ".cargo"), "bin");
export const cargo = findCommand("cargo", [cargoBin]);

/** One of Cargo's JSON messages (`--message-format=json`), as far as the tests read them. */
export interface CargoMessage {
  reason: string;
  package_id?: string;
  executable?: string | null;
  out_dir?: string;
  message?: { level: string; rendered: string };
}

/** Cargo's JSON messages in what a build printed. */
export const cargoMessages = (output: string): CargoMessage[] =>
  output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as CargoMessage);

/**
 * generators/<target>/smoke, built in the kept step `build` of `target` beside the client's step
 * (its Cargo.toml names the client at ../generated/client), with `cargo build --locked` (a client
 * that asks for other crates than Cargo.lock pins fails here). The program is copied into the step
 * as `smoke`; `keepAlso` may copy more out of the target folder. The step's output is Cargo's
 * JSON messages.
 */
export function cargoSmokeBuild(target: string, client: Kept, keepAlso: (dir: string, messages: CargoMessage[]) => void = () => {}): Kept & { binary: string } {
  const crate = join(generatorsDir, target, "smoke");
  const cargoVersion = run(cargo as string, ["--version"]).trim();
  const built = keep(target, "build", { paths: [crate, fileURLToPath(import.meta.url)], values: [cargoVersion], after: [client] }, (dir) => {
    cpSync(crate, dir, { recursive: true });
    const output = run(cargo as string, ["build", "--locked", "--message-format=json"], { cwd: dir, env: { CARGO_TARGET_DIR: cargoTargetDir } });
    const messages = cargoMessages(output);
    const executable = messages.find((message) => message.reason === "compiler-artifact" && message.executable)?.executable;
    if (!executable) throw new Error(`cargo built no program in ${dir}:\n${output}`);
    copyFileSync(executable, join(dir, "smoke"));
    keepAlso(dir, messages);
    return output;
  });
  return { ...built, binary: join(built.dir, "smoke") };
}

/** The warnings Cargo and rustc gave about the crates of a build (not about registry crates, whose lints Cargo caps). */
export const cargoWarnings = (messages: CargoMessage[]): string[] =>
  messages.filter((message) => message.reason === "compiler-message" && message.message?.level === "warning").map((message) => message.message?.rendered ?? "");
