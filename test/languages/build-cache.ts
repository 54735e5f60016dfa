// A generated client and its compiled smoke program, kept between runs under
// node_modules/.cache/languages/<target>/, named after a hash of everything that goes into them
// (the bundle, the generator's config and lockfile, the smoke program): a warm run of a language
// test generates and compiles nothing, and any change to an input builds anew. What the build
// printed (the generator's output) is kept beside it, so a warm run still checks it for warnings.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { projectRoot } from "../../scripts/redocly.ts";

export const languagesCacheDir = join(projectRoot, "node_modules/.cache/languages");

/** What a folder of inputs may hold that is no input: what the README's commands install or build there. */
const notInputs = new Set(["node_modules", "target"]);

/** Every file under a path (or the path itself), sorted, for hashing. */
function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !notInputs.has(entry.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => filesUnder(join(path, entry.name)));
}

/** The hash of the inputs' contents (files and folders, each named relative to the project) and of extra text. */
export function inputHash(paths: string[], extra: string[] = []): string {
  const hash = createHash("sha256");
  for (const file of paths.flatMap(filesUnder)) hash.update(`${relative(projectRoot, file)}\0`).update(readFileSync(file)).update("\0");
  for (const text of extra) hash.update(`${text}\0`);
  return hash.digest("hex").slice(0, 16);
}

export interface CachedBuild {
  /** The folder of the build. */
  dir: string;
  /** What the build printed when it was made: the generator's output. */
  output: string;
  /** Whether this run made it (false: taken from an earlier run). */
  fresh: boolean;
}

/**
 * The build of `target` for these inputs: the cached one when an earlier run completed it,
 * otherwise made by `make` in a new folder (returning what it printed) and kept.
 * Older builds of the target are removed. A failed `make` leaves nothing behind.
 */
export function cachedBuild(target: string, hash: string, make: (dir: string) => string): CachedBuild {
  const root = join(languagesCacheDir, target);
  const dir = join(root, hash);
  const log = join(dir, ".build-output");
  if (existsSync(log)) return { dir, output: readFileSync(log, "utf8"), fresh: false };
  mkdirSync(root, { recursive: true });
  // Older builds, and one of this hash that never completed.
  for (const old of readdirSync(root)) rmSync(join(root, old), { recursive: true, force: true });
  // Built beside its final place and renamed into it once complete: an interrupted build is
  // never taken for a finished one.
  const work = mkdtempSync(join(root, ".build-"));
  try {
    const output = make(work);
    writeFileSync(join(work, ".build-output"), output);
    renameSync(work, dir);
    return { dir, output, fresh: true };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}
