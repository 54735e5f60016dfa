// The reference site: the working description's page at the root, the page of every release
// under releases/<version>/ (from releases/<version>/openapi.json, as released), each with a menu
// of them all, one shared copy of Scalar, the Differences page and the changelog.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { projectRoot } from "../redocly.ts";
import { composeDocument, readDescription, readGuide, type Description } from "./document.ts";
import { differencesPage } from "./differences.ts";
import { renderPage, type MenuEntry } from "./page.ts";

export interface SiteVersion {
  version: string;
  label: string;
  /** Where its page is, from the site's root: "" for the working description, "releases/<v>/". */
  dir: string;
  description: Description;
}

/**
 * The versions the menu lists: the working description first, then every release, newest first.
 * A release whose bundle is the working one is that page, not a second copy of it.
 */
export function siteVersions(root = projectRoot): SiteVersion[] {
  const current = readDescription(join(root, "generated", "openapi.json"));
  const currentText = JSON.stringify(current);
  const releasesDir = join(root, "releases");
  const releases = (existsSync(releasesDir) ? readdirSync(releasesDir) : [])
    .filter((version) => semver.valid(version) && existsSync(join(releasesDir, version, "openapi.json")))
    .sort(semver.rcompare)
    .map((version) => ({ version, description: readDescription(join(releasesDir, version, "openapi.json")) }));
  const same = releases.find((release) => JSON.stringify(release.description) === currentText);
  const v = current.info.version;
  // A working description that no release has is the draft of the next one.
  const label = same ? v : `${v}, draft`;
  return [
    { version: v, label, dir: "", description: current },
    ...releases.filter((release) => release !== same).map((release) => ({ ...release, label: release.version, dir: `releases/${release.version}/` })),
  ];
}

// Its package exports no package.json: found from the project's node_modules.
const scalarPackage = join(projectRoot, "node_modules", "@scalar", "api-reference");
const scalarVersion = (JSON.parse(readFileSync(join(scalarPackage, "package.json"), "utf8")) as { version: string }).version;
/** Scalar's files, in a folder named after its version: a new version is a new URL, so they can be cached for good. */
export const assetsDir = `assets/scalar-${scalarVersion}/`;

/** Scalar's browser builds: the one-file build (for a page opened from a file) and the split one, without source maps. */
function copyScalar(outDir: string): void {
  const from = join(scalarPackage, "dist", "browser");
  const to = join(outDir, assetsDir);
  mkdirSync(join(to, "chunks"), { recursive: true });
  for (const file of ["standalone.js", "standalone.esm.js"]) copyFileSync(join(from, file), join(to, file));
  for (const file of readdirSync(join(from, "chunks"))) if (file.endsWith(".js")) copyFileSync(join(from, "chunks", file), join(to, "chunks", file));
}

/** What the site is made of, at its root: removed before a build, and nothing else there. */
export const siteEntries = ["index.html", "differences.html", "CHANGELOG.md", "releases", "assets"];

/** Builds the whole site into `outDir` (the release's artefacts share it with other files). */
export function buildSite(outDir: string, root = projectRoot): SiteVersion[] {
  for (const entry of siteEntries) rmSync(join(outDir, entry), { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const guide = readGuide(root);
  const versions = siteVersions(root);
  for (const version of versions) {
    const base = version.dir === "" ? "" : "../".repeat(version.dir.split("/").filter(Boolean).length);
    const document = composeDocument(version.description, guide, { strict: version.dir === "", base });
    const menu: MenuEntry[] = versions.map((entry) => ({ label: entry.label, href: `${base}${entry.dir}index.html`, selected: entry === version }));
    const page = renderPage({ document, menu, base, assets: `${base}${assetsDir}` }, root);
    mkdirSync(join(outDir, version.dir), { recursive: true });
    writeFileSync(join(outDir, version.dir, "index.html"), page);
  }
  copyScalar(outDir);
  writeFileSync(join(outDir, "differences.html"), differencesPage(guide, "index.html", root));
  const changelog = join(root, "CHANGELOG.md");
  if (existsSync(changelog)) copyFileSync(changelog, join(outDir, "CHANGELOG.md"));
  return versions;
}
