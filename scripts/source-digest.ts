// The digest of the description's source: every file under openapi/, by path and content. `npm
// run generate` writes it to generated/source.sha256 beside the bundle it made, so that `npm
// start` can tell in a few milliseconds whether the bundle is fresh, without bundling again.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { projectRoot } from "./redocly.ts";

export const sourceDir = join(projectRoot, "openapi");
export const digestFileName = "source.sha256";

export function sourceDigest(dir: string = sourceDir): string {
  const hash = createHash("sha256");
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    // Forward slashes and LF line ends: the same digest on every platform and checkout.
    hash.update(`${relative(dir, file).split(sep).join("/")}\0`);
    hash.update(readFileSync(file, "utf8").replaceAll("\r\n", "\n"));
    hash.update("\0");
  }
  return hash.digest("hex");
}
