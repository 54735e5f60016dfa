// Generated clients and their builds, kept between runs under node_modules/.cache/languages/ and
// redone only when what made them changes: a generation takes seconds, a Maven or Cargo build a
// minute or more, and most runs change neither the description nor a smoke program. Each output
// is a fixed folder stamped with the hash of its inputs (the stamp written last, so a run that
// failed or was killed midway leaves nothing that looks done). Fixed, because Cargo names a path
// crate's artifacts after its path; so one run of a language's test file at a time per
// node_modules. CI starts from an empty node_modules (npm ci): it always builds cold.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { projectRoot } from "../../scripts/redocly.ts";

/** Where a language's outputs are kept. */
export const cacheDir = (target: string): string => join(projectRoot, "node_modules/.cache/languages", target);

/**
 * A hash of everything an output is made from: each file's (or folder's files') path and content,
 * then each value as given (a generator's version, a tool's path).
 */
export function inputHash(paths: string[], values: string[] = []): string {
  const hash = createHash("sha256");
  const add = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) add(join(path, entry));
      return;
    }
    hash.update(`${relative(projectRoot, path)}\0`).update(readFileSync(path)).update("\0");
  };
  for (const path of paths) add(path);
  for (const value of values) hash.update(`${value}\0`);
  return hash.digest("hex");
}

const stampName = ".inputs-sha256";

/**
 * Makes `dir` afresh with `make`, unless it was made from inputs of the same hash and is still
 * `intact` (for what it needs from outside the cache, such as the jars of a classpath). Returns
 * whether it made it now.
 */
export function cached(dir: string, hash: string, make: (dir: string) => void, intact: (dir: string) => boolean = () => true): boolean {
  const stamp = join(dir, stampName);
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash && intact(dir)) return false;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  make(dir);
  writeFileSync(stamp, hash);
  return true;
}
