// @ts-check
// Whether what `npm start` runs is made from this checkout as it is now, told in a few
// milliseconds from digests: generated/ (the bundle, made from openapi/ and the realistic overlay)
// and mock/dist/ (the mock, built from mock/ and generated/). Plain JavaScript, so that
// `npm start` (mock/start.mjs) reads it without a TypeScript loader; the scripts and tests import
// it too.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = fileURLToPath(new URL("..", import.meta.url));
/** Written beside what a digest stands for, once it is all written. */
export const digestFileName = "source.sha256";

/**
 * A digest of files, by path (relative to `root`, forward slashes) and content (LF line ends):
 * the same on every platform and checkout. A folder stands for every file under it.
 * @param {string} root
 * @param {string[]} paths
 */
export function digestOf(root, paths) {
  const hash = createHash("sha256");
  /** @type {string[]} */
  const files = [];
  for (const path of paths) {
    const full = join(root, path);
    if (!existsSync(full)) continue;
    if (!statSync(full).isDirectory()) {
      files.push(full);
      continue;
    }
    for (const entry of readdirSync(full, { withFileTypes: true, recursive: true })) if (entry.isFile()) files.push(join(entry.parentPath, entry.name));
  }
  for (const file of files.sort()) {
    hash.update(`${relative(root, file).split(sep).join("/")}\0`);
    hash.update(readFileSync(file, "utf8").replaceAll("\r\n", "\n"));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** What generated/ is made from: the description's source, and the overlay of the mock's realistic shapes. */
export const sourcePaths = ["openapi", "mock/realistic.overlay.yaml"];

/** @param {string} [root] */
export function sourceDigest(root = projectRoot) {
  return digestOf(root, sourcePaths);
}

/**
 * @typedef {object} Freshness
 * @property {string} root The checkout.
 * @property {() => Promise<void>} regenerate Rebuilds generated/ (slow: only when needed).
 */

/**
 * Rebuilds generated/ when its recorded digest is not the source's: true when it had to.
 * @param {Freshness} where
 */
export async function ensureFreshBundle(where) {
  let recorded = "";
  try {
    recorded = readFileSync(join(where.root, "generated", digestFileName), "utf8").trim();
  } catch {
    // No digest yet: rebuild.
  }
  if (recorded === sourceDigest(where.root)) return false;
  await where.regenerate();
  return true;
}
