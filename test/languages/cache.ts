// A generated client and its build, kept between runs under node_modules/.cache/languages/<target>/:
// generating takes a JVM start and a compile a minute of a busy 2-core machine, and neither
// changes unless what goes into it does. The folder is named after the hash of every input (the
// bundle, the generator's version, the target's files under generators/, the test that says how to
// build, the toolchain's version), so a changed input starts a new folder and drops the old one.
// What a step printed is kept with it: a warm run checks the same output a cold run saw. The smoke
// programs are not cached: they are the test, and they run every time.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { projectRoot } from "../../scripts/redocly.ts";

export const cacheRoot = join(projectRoot, "node_modules/.cache/languages");

/** Each file under `path` (or `path` itself), in a stable order. */
function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => files(join(path, entry.name)));
}

export interface Cached {
  /** The folder of this set of inputs: the steps write into it. */
  dir: string;
  /**
   * Runs `make` once for this set of inputs and keeps what it returns (what the tool printed);
   * later runs return the kept text without running it. A `make` that throws keeps nothing.
   */
  step(name: string, make: () => string): string;
  /** The steps this run made rather than found, in order: what a cold run did. */
  made: string[];
}

/**
 * The cache folder of `target` for these inputs: files and folders (by path and content) and
 * strings (versions). One folder per target: a new set of inputs removes the others.
 */
export function cached(target: string, inputs: { paths: string[]; strings: string[] }): Cached {
  const hash = createHash("sha256");
  for (const path of inputs.paths.flatMap(files)) hash.update(`${relative(projectRoot, path)}\0`).update(readFileSync(path)).update("\0");
  for (const value of inputs.strings) hash.update(`${value}\0`);
  const key = hash.digest("hex").slice(0, 16);
  const targetDir = join(cacheRoot, target);
  const dir = join(targetDir, key);
  if (existsSync(targetDir)) {
    for (const other of readdirSync(targetDir)) if (other !== key) rmSync(join(targetDir, other), { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  const made: string[] = [];
  return {
    dir,
    made,
    step(name, make) {
      const done = join(dir, `.${name}.done`);
      if (existsSync(done)) return readFileSync(done, "utf8");
      const output = make();
      writeFileSync(done, output);
      made.push(name);
      return output;
    },
  };
}
