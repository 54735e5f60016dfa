// The release's artefacts, built from the files of the current commit into dist/release/: the
// bundles (3.1 YAML and JSON), the 3.0 rendering, the reference docs with the changelog they link to,
// the client's and the mock's npm tarballs, and SHA256SUMS over them all. The same commit gives the same bytes.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { buildDocs } from "../docs.ts";
import { generatedDir } from "../generate.ts";
import { projectRoot } from "../redocly.ts";
import { releaseFiles } from "./releases.ts";

export const artifactsDir = join(projectRoot, "dist", "release");
const typescript = join(projectRoot, "node_modules", "typescript", "bin", "tsc");

/** The committer's time of HEAD, in seconds since the epoch. */
export function commitTime(): string {
  return execFileSync("git", ["log", "-1", "--format=%ct"], { cwd: projectRoot, encoding: "utf8" }).trim();
}

/** Builds every artefact into `outDir` (emptied first); returns SHA256SUMS's text. */
export function buildArtifacts(outDir: string = artifactsDir): string {
  // For any tool that would stamp the time of the build: none does today (npm pack sets every
  // mtime to 1985-10-26 and gzip's to 0; Redoc writes no date), so this is a guard, not a fix.
  process.env.SOURCE_DATE_EPOCH = commitTime();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  for (const file of releaseFiles) copyFileSync(join(generatedDir, file), join(outDir, file));
  // The reference: its page at the top (index.html, beside CHANGELOG.md), every release's under
  // releases/, Scalar's files under assets/, the Differences page.
  buildDocs(outDir);

  // The package ships dist/src and dist/generated: built afresh, so that nothing stale from an
  // earlier build (a file since deleted) gets packed.
  for (const dir of ["src", "generated"]) rmSync(join(projectRoot, "dist", dir), { recursive: true, force: true });
  execFileSync(process.execPath, [typescript, "-p", "tsconfig.build.json"], { cwd: projectRoot, stdio: "inherit" });
  execFileSync("npm", ["pack", "--pack-destination", outDir, "--silent"], { cwd: projectRoot, stdio: ["ignore", "ignore", "inherit"] });
  // The mock's package, released with the same version (its prepack builds it).
  execFileSync("npm", ["pack", "--workspace", "mock", "--pack-destination", outDir, "--silent"], { cwd: projectRoot, stdio: ["ignore", "ignore", "inherit"] });

  const sums = (readdirSync(outDir, { recursive: true }) as string[])
    .filter((file) => statSync(join(outDir, file)).isFile())
    .map((file) => file.split(sep).join("/"))
    .sort()
    .map((file) => `${createHash("sha256").update(readFileSync(join(outDir, file))).digest("hex")}  ${file}\n`)
    .join("");
  writeFileSync(join(outDir, "SHA256SUMS"), sums);
  return sums;
}
