// Generated clients and their builds, kept between runs: generating takes a JVM start or an npm
// tool's, and a Maven, Cargo, Go or tsc build a minute or more of a busy 2-core machine, while
// most runs change neither the description nor a smoke program. Every language test keeps its
// outputs the same way, here:
//
// - One hash of the inputs (inputHash): each file's path and content (a folder's files, build
//   output and dependencies left out), then values such as a tool's version; a step made from
//   another one adds that one's hash, so a new client rebuilds what was built from it.
// - One folder per step, at a fixed path, node_modules/.cache/generated-clients/<target>/<step>/
//   (kept): fixed, because Cargo names a path crate's artifacts after its path, and because a
//   build refers to its client by a relative path (the Rust smoke crate's ../generated/client).
//   Cargo's own target folder (cargoTargetDir) is shared by the Rust clients and kept apart from
//   the steps, so that a changed client recompiles only itself.
// - The stamp written last: a step whose stamp does not name this hash (or whose `intact` check
//   fails: a classpath's jars gone from ~/.m2) is emptied and made again, so a run killed midway
//   leaves nothing that looks done. What the step printed (a generator's warnings) is kept beside
//   it, so a warm run checks the same output a cold run saw.
//
// CI starts from an empty node_modules (npm ci): it always builds cold. Smoke programs are not
// kept: they are the test, and run every time. One run of a target's test file at a time per
// node_modules (two would make the same step in the same folder).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { projectRoot } from "../../scripts/redocly.ts";

/** Where every step is kept (ALBUMS_CLIENTS_CACHE moves it: a cold run without emptying the usual one). */
export const cacheRoot = process.env.ALBUMS_CLIENTS_CACHE ?? join(projectRoot, "node_modules/.cache/generated-clients");

/** The one Cargo target folder of the Rust clients: reqwest, tokio and serde compile once for both. */
export const cargoTargetDir = join(cacheRoot, "cargo-target");

/** What a folder of inputs may hold that is no input: what a build or an install leaves there. */
const notInputs = new Set(["node_modules", "target", "__pycache__", ".mypy_cache"]);

/** Every file under a path (or the path itself), in a stable order. */
function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !notInputs.has(entry.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => filesUnder(join(path, entry.name)));
}

/** The hash of the inputs: each file's path (relative to the project) and content, then each value. */
export function inputHash(paths: string[], values: string[] = []): string {
  const hash = createHash("sha256");
  for (const file of paths.flatMap(filesUnder)) hash.update(`${relative(projectRoot, file)}\0`).update(readFileSync(file)).update("\0");
  for (const value of values) hash.update(`${value}\0`);
  return hash.digest("hex").slice(0, 32);
}

export interface Kept {
  /** The step's folder. */
  dir: string;
  /** The hash of its inputs: a step made from this one adds it to its own. */
  hash: string;
  /** What `make` returned when the step was made: what the tool printed. */
  output: string;
  /** Whether this run made it (false: an earlier run did). */
  made: boolean;
}

export interface Inputs {
  /** Files and folders it is made from. */
  paths?: string[];
  /** Anything else that changes it: a tool's version, a command's arguments. */
  values?: string[];
  /** The steps it is made from (their folders, read by `make`). */
  after?: Kept[];
}

const stampFile = ".inputs";
const outputFile = ".output";

/**
 * The step `step` of `target` for these inputs: kept from an earlier run when its stamp names
 * the same hash and `intact` holds, otherwise made by `make` in its emptied folder (returning what
 * it printed) and stamped. A `make` that throws leaves an unstamped folder, made again next time.
 */
export function keep(target: string, step: string, inputs: Inputs, make: (dir: string) => string, intact: (dir: string) => boolean = () => true): Kept {
  const dir = join(cacheRoot, target, step);
  const hash = inputHash(inputs.paths ?? [], [...(inputs.values ?? []), ...(inputs.after ?? []).map((kept) => kept.hash)]);
  const stamp = join(dir, stampFile);
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash && intact(dir)) {
    return { dir, hash, output: readFileSync(join(dir, outputFile), "utf8"), made: false };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const output = make(dir);
  writeFileSync(join(dir, outputFile), output);
  // Last, and whole: a stamp is either absent or complete.
  writeFileSync(`${stamp}.partial`, hash);
  renameSync(`${stamp}.partial`, stamp);
  return { dir, hash, output, made: true };
}
