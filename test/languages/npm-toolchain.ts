// The npm packages a generated TypeScript client compiles and runs with (generators/<dir>/
// package-lock.json), as generators/npm-toolchain.sh installs them: into a cache folder named after
// the lockfile's hash, outside the project's own dependencies.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { generatorsDir } from "./support.ts";

/** The folder generators/<dir>/install.sh filled, or undefined when it has not run for this lockfile. */
export function npmToolchain(dir: string): string | undefined {
  const cache = process.env.ALBUMS_GENERATORS_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "amazon-music-albums-generators");
  const hash = createHash("sha256").update(readFileSync(join(generatorsDir, dir, "package-lock.json"))).digest("hex").slice(0, 12);
  const folder = join(cache, `${dir}-${hash}`);
  return existsSync(join(folder, ".installed")) ? folder : undefined;
}
