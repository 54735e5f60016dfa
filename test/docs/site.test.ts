// The site's plan, on copies of the project's docs sources with releases of our making: every
// release gets its page and a place in every page's menu, however many there are; a release
// whose bundle is the working one is that page; links from a release's page lead to the files at
// the site's root; the Differences page fails the build rather than lose a section.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildSite, siteVersions } from "../../scripts/docs/site.ts";
import { projectRoot } from "../../scripts/redocly.ts";

const released = readFileSync(join(projectRoot, "releases", "1.0.0", "openapi.json"), "utf8");
const at = (version: string) => {
  const document = JSON.parse(released) as { info: { version: string } };
  document.info.version = version;
  return JSON.stringify(document);
};

let roots: string[] = [];
afterEach(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots = [];
});

/** A project with the docs' sources, the working bundle `current` and these releases' bundles. */
function project(current: string, releases: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "albums-docs-site-"));
  roots.push(root);
  cpSync(join(projectRoot, "docs"), join(root, "docs"), { recursive: true });
  mkdirSync(join(root, "openapi"));
  cpSync(join(projectRoot, "openapi", "README.md"), join(root, "openapi", "README.md"));
  writeFileSync(join(root, "CHANGELOG.md"), "# Changelog\n");
  mkdirSync(join(root, "generated"));
  writeFileSync(join(root, "generated", "openapi.json"), current);
  for (const [version, bundle] of Object.entries(releases)) {
    mkdirSync(join(root, "releases", version), { recursive: true });
    writeFileSync(join(root, "releases", version, "openapi.json"), bundle);
  }
  return root;
}

/** The version menu of a built page: each entry's label and link. */
const menuOf = (html: string) => [...html.matchAll(/<option value="([^"]+)"( selected)?>([^<]+)<\/option>/g)].map((m) => ({ href: m[1], label: m[3], selected: m[2] !== undefined }));

describe("the reference site's versions", () => {
  it("lists the working description first, then every release newest first, each with its page", () => {
    const root = project(at("3.0.0"), { "1.0.0": at("1.0.0"), "2.0.0": at("2.0.0"), "1.10.0": at("1.10.0"), notes: "x" });
    expect(siteVersions(root).map((v) => [v.label, v.dir])).toEqual([
      ["3.0.0, draft", ""],
      ["2.0.0", "releases/2.0.0/"],
      ["1.10.0", "releases/1.10.0/"],
      ["1.0.0", "releases/1.0.0/"],
    ]);
    const out = join(root, "site");
    buildSite(out, root);
    for (const dir of ["", "releases/2.0.0/", "releases/1.10.0/", "releases/1.0.0/"]) expect(existsSync(join(out, dir, "index.html")), dir).toBe(true);
    const release = readFileSync(join(out, "releases", "1.10.0", "index.html"), "utf8");
    expect(menuOf(release)).toEqual([
      { href: "../../index.html", label: "3.0.0, draft", selected: false },
      { href: "../../releases/2.0.0/index.html", label: "2.0.0", selected: false },
      { href: "../../releases/1.10.0/index.html", label: "1.10.0", selected: true },
      { href: "../../releases/1.0.0/index.html", label: "1.0.0", selected: false },
    ]);
    // Its links to the site's root: the changelog, the Differences page, Scalar's one copy.
    expect(release).toContain('href="../../CHANGELOG.md"');
    expect(release).toContain("](../../differences.html)");
    expect(release).toContain('"assets":"../../assets/scalar-');
    expect(release).toContain('"version":"1.10.0"');
    expect(menuOf(readFileSync(join(out, "index.html"), "utf8"))[0]).toEqual({ href: "index.html", label: "3.0.0, draft", selected: true });
  });

  it("makes a release whose bundle is the working one that page, not a second copy", () => {
    const root = project(at("2.0.0"), { "1.0.0": at("1.0.0"), "2.0.0": at("2.0.0") });
    expect(siteVersions(root).map((v) => [v.label, v.dir])).toEqual([
      ["2.0.0", ""],
      ["1.0.0", "releases/1.0.0/"],
    ]);
    const out = join(root, "site");
    buildSite(out, root);
    expect(existsSync(join(out, "releases", "2.0.0"))).toBe(false);
  });

  it("builds with no release at all: one page, one entry", () => {
    const root = project(at("0.1.0"), {});
    expect(siteVersions(root).map((v) => v.label)).toEqual(["0.1.0, draft"]);
  });

  it("fails the build naming a section of openapi/README.md that the Differences page needs and it no longer has", () => {
    const root = project(at("1.0.0"), {});
    const readme = join(root, "openapi", "README.md");
    writeFileSync(readme, readFileSync(readme, "utf8").replace("## What is inferred, and from where", "## Inferences"));
    expect(() => buildSite(join(root, "site"), root)).toThrow('the section "What is inferred, and from where" of openapi/README.md');
  });
});
