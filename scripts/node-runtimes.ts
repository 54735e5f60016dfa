// Other Node.js versions, from the npm registry's `node-<platform>-<arch>` packages (the ones the
// `node` package itself installs): nodejs.org is not reachable from every machine that runs the
// checks, the npm registry always is. Kept in node_modules/.cache, reused when present, and never
// put on the machine's own PATH.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./redocly.ts";

/** The Node.js versions the client is tested on besides the machine's own: exact, for repeatable runs. */
export const pinnedNodeVersions = ["22.23.3", "24.21.0"] as const;

export const nodeCacheDir = join(projectRoot, "node_modules/.cache/node-runtimes");

/** The registry package that holds this machine's Node.js binary, or undefined where there is none we know of. */
export function nodePackageName(platform: string = process.platform, arch: string = process.arch): string | undefined {
  // The registry has no macOS package for some of the pinned versions; Linux has them all.
  const supported = ["linux-x64", "linux-arm64"];
  return supported.includes(`${platform}-${arch}`) ? `node-${platform}-${arch}` : undefined;
}

/** What `node --version` says, or undefined when the file is not a working Node.js. */
function versionOf(node: string): string | undefined {
  try {
    return execFileSync(node, ["--version"], { encoding: "utf8", timeout: 30_000 }).trim();
  } catch {
    return undefined;
  }
}

/**
 * The path of a Node.js binary of exactly this version: the cached one when it runs and says so,
 * otherwise downloaded (with `npm pack`, which checks the tarball against the registry's
 * integrity hash) and unpacked into the cache first. Throws when it cannot be had.
 */
export function installNode(version: string): string {
  const name = nodePackageName();
  if (!name) throw new Error(`No Node.js package for ${process.platform}-${process.arch} on the npm registry that these checks know of.`);
  const dir = join(nodeCacheDir, `${name}-${version}`);
  const node = join(dir, "bin", "node");
  if (existsSync(node) && versionOf(node) === `v${version}`) return node;

  mkdirSync(nodeCacheDir, { recursive: true });
  // Unpacked next to its final place and renamed into it: an interrupted download never leaves
  // a half-written binary where the next run would take it for a cached one.
  const work = mkdtempSync(join(nodeCacheDir, ".download-"));
  try {
    execFileSync("npm", ["pack", `${name}@${version}`, "--pack-destination", work, "--silent"], { stdio: ["ignore", "ignore", "inherit"], timeout: 600_000 });
    const tarball = readdirSync(work).find((file) => file.endsWith(".tgz"));
    if (!tarball) throw new Error(`npm pack ${name}@${version} wrote no tarball`);
    execFileSync("tar", ["-xzf", join(work, tarball), "-C", work], { stdio: "inherit" });
    rmSync(dir, { recursive: true, force: true });
    renameSync(join(work, "package"), dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const got = versionOf(node);
  if (got !== `v${version}`) throw new Error(`${node} says ${got ?? "nothing"}, not v${version}`);
  return node;
}
