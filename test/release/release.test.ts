// npm run release, release:artifacts, diff and changelog, run for real on copies of the project
// (test/release/project-copy.ts): what a dry run writes (nothing), what stops a release, what the
// first release writes and builds, that its artefacts rebuild to the same bytes, then the gate,
// the changelog and the releases over an addition and its removal.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, statSync, utimesSync } from "node:fs";
import { join, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { withInfoVersion } from "../../scripts/release/info-version.ts";
import { toolBudgetMs } from "../support/budgets.ts";
import { copyProject, type ProjectCopy } from "./project-copy.ts";
import { missingOasdiff } from "./support.ts";

/** A suite that passes, and leaves a mark (in dist/, which git ignores) that it ran. */
const passingSuite = "mkdir -p dist && touch dist/suite-ran";
/** Every file under `dir`, as paths with "/", sorted. */
const filesUnder = (dir: string) =>
  (readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => statSync(join(dir, file)).isFile())
    .map((file) => file.split(sep).join("/"))
    .sort();
const scalarVersion = (JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "node_modules", "@scalar", "api-reference", "package.json"), "utf8")) as { version: string }).version;
const today = () => new Date().toISOString().slice(0, 10);
const npmRun = (copy: ProjectCopy, script: string, ...args: string[]) => copy.run("npm", ["run", "--silent", script, "--", ...args]);
const infoVersionOf = (copy: ProjectCopy, file: string) => (parse(copy.read(file)) as { info: { version: string } }).info.version;

/** An operation the client does not use, so that adding and removing it leaves the client building. */
const creditsRef = "  /albums/{id}/credits:\n    $ref: paths/albums_{id}_credits.yaml\n";
const creditsPath = `get:
  operationId: getAlbumCredits
  summary: Get the credits of an album
  parameters:
    - name: id
      in: path
      required: true
      schema:
        type: string
  responses:
    '200':
      description: The album's credits.
      content:
        application/json:
          schema:
            type: array
            items:
              type: string
`;

describe.skipIf(missingOasdiff)("releases of a copy of the project", () => {
  describe("before the first release", () => {
    let copy: ProjectCopy;
    beforeAll(() => {
      copy = copyProject(passingSuite);
    }, toolBudgetMs);
    // Removing a copy of the project, its builds included, can take more than 10 s on a busy machine.
    afterAll(() => copy?.remove(), toolBudgetMs);

    it("npm run diff says there is no release to compare with, and passes", () => {
      const diff = npmRun(copy, "diff");
      expect(diff.output).toContain("No release yet under releases/");
      expect(diff.status).toBe(0);
    });

    it("npm run release -- 1.0.0 --dry-run prints the plan and writes nothing, not even in .git or dist/", () => {
      const before = copy.state();
      const versions = { description: infoVersionOf(copy, "openapi/openapi.yaml"), package: JSON.parse(copy.read("package.json")).version };
      const dryRun = npmRun(copy, "release", "1.0.0", "--dry-run");
      expect(dryRun.status).toBe(0);
      expect(dryRun.output).toContain(`openapi/openapi.yaml: info.version '${versions.description}' -> '1.0.0'`);
      expect(dryRun.output).toContain(`package.json, mock/package.json, package-lock.json: version ${versions.package} -> 1.0.0`);
      expect(dryRun.output).toContain(`## 1.0.0 - ${today()}`);
      expect(dryRun.output).toContain("First release.");
      expect(dryRun.output).toContain("Dry run: nothing written.");
      expect(copy.state()).toEqual(before);
    });

    it("refuses a version that is not a semantic version", () => {
      const release = npmRun(copy, "release", "1.0", "--dry-run");
      expect(release.output).toContain("'1.0' is not a semantic version");
      expect(release.status).toBe(1);
    });

    it("refuses a tree with uncommitted changes, before running the suite", () => {
      copy.write("notes.txt", "work in progress\n");
      try {
        const before = copy.state();
        const release = npmRun(copy, "release", "1.0.0");
        expect(release.output).toContain("The tree has uncommitted changes");
        expect(release.output).toContain("?? notes.txt");
        expect(release.status).toBe(1);
        expect(copy.state()).toEqual(before);
      } finally {
        copy.run("rm", ["notes.txt"]);
      }
    });
  });

  it("stops when npm test fails, and writes nothing", () => {
    const copy = copyProject("exit 1");
    try {
      const before = copy.state();
      const release = npmRun(copy, "release", "1.0.0");
      expect(release.output).toContain("npm test failed: no release, nothing written.");
      expect(release.status).toBe(1);
      expect(copy.state()).toEqual(before);
    } finally {
      copy.remove();
    }
  });

  describe("the first release, 1.0.0", () => {
    let copy: ProjectCopy;
    let release: { status: number | null; output: string };
    beforeAll(() => {
      copy = copyProject(passingSuite);
      release = npmRun(copy, "release", "1.0.0");
    }, 2 * toolBudgetMs);
    // Removing a copy of the project, its builds included, can take more than 10 s on a busy machine.
    afterAll(() => copy?.remove(), toolBudgetMs);

    it("runs the suite, sets both versions, snapshots releases/1.0.0, and commits it all as 'Release 1.0.0'", () => {
      expect(release.status, release.output).toBe(0);
      expect(copy.state().has("dist/suite-ran")).toBe(true);
      expect(infoVersionOf(copy, "openapi/openapi.yaml")).toBe("1.0.0");
      expect(JSON.parse(copy.read("package.json")).version).toBe("1.0.0");
      expect(JSON.parse(copy.read("package-lock.json")).version).toBe("1.0.0");
      // The mock's package is released with the same version.
      expect(JSON.parse(copy.read("mock/package.json")).version).toBe("1.0.0");
      expect(JSON.parse(copy.read("package-lock.json")).packages.mock.version).toBe("1.0.0");
      for (const file of ["openapi.yaml", "openapi.json", "openapi-3.0.yaml"]) {
        expect(copy.read(`releases/1.0.0/${file}`)).toBe(copy.read(`generated/${file}`));
      }
      expect(infoVersionOf(copy, "releases/1.0.0/openapi.yaml")).toBe("1.0.0");
      expect(infoVersionOf(copy, "releases/1.0.0/openapi-3.0.yaml")).toBe("1.0.0");
      expect(copy.read("CHANGELOG.md")).toMatch(new RegExp(`\\n## 1\\.0\\.0 - ${today()}\\n\\nFirst release\\.\\n$`));
      expect(copy.git("log", "-1", "--format=%s")).toBe("Release 1.0.0\n");
      expect(copy.git("status", "--porcelain")).toBe("");
    });

    it("builds dist/release: the bundles, the 3.0 rendering, the docs with the changelog, the tarballs, and their SHA256SUMS", () => {
      const dir = join(copy.root, "dist", "release");
      // The docs: the page, Scalar's files under assets/, the Differences page; no releases/
      // folder, since the only release is the page itself.
      expect(readdirSync(dir).sort()).toEqual([
        "CHANGELOG.md",
        "SHA256SUMS",
        "amazon-music-albums-v1-1.0.0.tgz",
        "amazon-music-albums-v1-mock-1.0.0.tgz",
        "assets",
        "differences.html",
        "index.html",
        "openapi-3.0.yaml",
        "openapi.json",
        "openapi.yaml",
      ]);
      const sums = readFileSync(join(dir, "SHA256SUMS"), "utf8").trim().split("\n");
      expect(sums.map((line) => line.split("  ")[1])).toEqual(filesUnder(dir).filter((file) => file !== "SHA256SUMS"));
      expect(sums.map((line) => line.split("  ")[1])).toContain(`assets/scalar-${scalarVersion}/standalone.js`);
      for (const line of sums) {
        const [hash, file] = line.split("  ") as [string, string];
        expect(createHash("sha256").update(readFileSync(join(dir, file))).digest("hex"), file).toBe(hash);
      }
      expect(readFileSync(join(dir, "openapi.yaml"), "utf8")).toBe(copy.read("releases/1.0.0/openapi.yaml"));
      expect(readFileSync(join(dir, "index.html"), "utf8")).toContain("Amazon Music Web API: Albums v1");
      // The package carries the changelog of the version it carries.
      const packed = copy.run("tar", ["-xzOf", join(dir, "amazon-music-albums-v1-1.0.0.tgz"), "package/CHANGELOG.md"]);
      expect(packed.output).toBe(copy.read("CHANGELOG.md"));
    });

    it("rebuilds the same bytes from the same commit, with every source file's time changed", () => {
      const first = join(copy.root, "dist", "release-first");
      renameSync(join(copy.root, "dist", "release"), first);
      const later = new Date(Date.now() + 86_400_000);
      for (const path of copy.git("ls-files").trim().split("\n")) utimesSync(join(copy.root, path), later, later);

      const rebuild = npmRun(copy, "release:artifacts");
      expect(rebuild.status, rebuild.output).toBe(0);
      const second = join(copy.root, "dist", "release");
      expect(readFileSync(join(second, "SHA256SUMS"), "utf8")).toBe(readFileSync(join(first, "SHA256SUMS"), "utf8"));
      expect(filesUnder(second)).toEqual(filesUnder(first));
      for (const file of filesUnder(first)) {
        expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), file).toBe(true);
      }
      // Nor the day of the build: none of the artefacts made by a tool carries it.
      for (const file of ["index.html", "openapi.yaml", "openapi-3.0.yaml"]) {
        expect(readFileSync(join(second, file), "utf8"), file).not.toContain(today());
      }
    });

    it("npm run docs puts the changelog beside the page, and docs:serve serves both", async () => {
      // The copy's own scripts/docs.ts, so that its paths are the copy's.
      const docs = (await import(pathToFileURL(join(copy.root, "scripts", "docs.ts")).href)) as typeof import("../../scripts/docs.ts");
      docs.buildDocs();
      expect(readFileSync(join(copy.root, "dist", "docs", "CHANGELOG.md"), "utf8")).toBe(copy.read("CHANGELOG.md"));
      const server = await docs.serveDocs(0);
      try {
        const changelog = await fetch(`${server.url}/CHANGELOG.md`);
        expect(changelog.headers.get("content-type")).toBe("text/plain; charset=utf-8");
        expect(await changelog.text()).toBe(copy.read("CHANGELOG.md"));
        const page = await fetch(`${server.url}/section/changes`);
        expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
        expect(await page.text()).toContain("<!DOCTYPE html>");
      } finally {
        await server.close();
      }
    });

    it("refuses to build the artefacts from a tree with uncommitted changes", () => {
      copy.write("notes.txt", "work in progress\n");
      try {
        const build = npmRun(copy, "release:artifacts");
        expect(build.output).toContain("the tree has uncommitted changes");
        expect(build.status).toBe(1);
      } finally {
        copy.run("rm", ["notes.txt"]);
      }
    });

    it("passes npm run diff: the working bundle is the release", () => {
      const diff = npmRun(copy, "diff");
      expect(diff.output).toContain("no change since the release.");
      expect(diff.output).toContain("Release gate passed: 1.0.0.");
      expect(diff.status).toBe(0);
    });

    it("npm run release -- 1.0.1 --dry-run prints the plan and writes nothing", () => {
      const before = copy.state();
      const dryRun = npmRun(copy, "release", "1.0.1", "--summary", "The client alone.", "--dry-run");
      expect(dryRun.output).toContain("Release 1.0.1 would do, after 1.0.0");
      expect(dryRun.output).toContain("No change to what clients send or receive.");
      expect(dryRun.output).toContain("Release gate passed: 1.0.1.");
      expect(dryRun.status).toBe(0);
      expect(copy.state()).toEqual(before);
    });

    it("skips npm run diff without oasdiff, saying what to install (exit 77, which npm test lists as skipped), but fails under CI=true", () => {
      const withoutGo = { PATH: "/usr/bin:/bin", HOME: join(copy.root, "no-home") };
      const diff = (env: Record<string, string>) => copy.run(process.execPath, ["--import", "tsx", "scripts/diff.ts"], env);
      const local = diff(withoutGo);
      expect(local.output).toMatch(/Skipped: the release gate needs oasdiff: oasdiff v\d+\.\d+\.\d+ is not installed\. Install Go .*bash generators\/install\.sh oasdiff/);
      expect(local.status).toBe(77);
      const ci = diff({ ...withoutGo, CI: "true" });
      expect(ci.output).toContain("CI=true runs every check, but the release gate needs oasdiff: oasdiff");
      expect(ci.status).toBe(1);
    });

    // The last two change the copy, in turn.
    it("after it, a new operation passes the gate as 1.1.0 once its changelog is written, and is released as an addition", () => {
      copy.write("openapi/paths/albums_{id}_credits.yaml", creditsPath);
      copy.write("openapi/openapi.yaml", withInfoVersion(copy.read("openapi/openapi.yaml").replace("\npaths:\n", `\npaths:\n${creditsRef}`), "1.1.0"));
      expect(npmRun(copy, "generate").status).toBe(0);
      const unwritten = npmRun(copy, "diff");
      expect(unwritten.output).toContain("- `GET /albums/{id}/credits`: endpoint added");
      expect(unwritten.output).toContain("[changelog-entry]");
      expect(unwritten.status).toBe(1);

      expect(npmRun(copy, "changelog", "--summary", "Adds album credits.").status).toBe(0);
      expect(copy.read("CHANGELOG.md")).toContain("## 1.1.0 - unreleased\n\nAdds album credits.\n\n### Additions\n\n- `GET /albums/{id}/credits`: endpoint added\n");
      expect(npmRun(copy, "diff").status).toBe(0);
      copy.git("add", "--all");
      copy.git("commit", "--quiet", "-m", "Add album credits");

      const minor = npmRun(copy, "release", "1.1.0");
      expect(minor.status, minor.output).toBe(0);
      expect(copy.read("CHANGELOG.md")).toContain(`## 1.1.0 - ${today()}\n\nAdds album credits.\n\n### Additions\n\n- \`GET /albums/{id}/credits\`: endpoint added\n`);
      expect(readdirSync(join(copy.root, "releases")).sort()).toEqual(["1.0.0", "1.1.0"]);
      expect(copy.git("status", "--porcelain")).toBe("");
    });

    it("after 1.1.0, its operation removed fails the gate until the version is major: 1.2.0 is refused, 2.0.0 would pass", () => {
      copy.write("openapi/openapi.yaml", copy.read("openapi/openapi.yaml").replace(creditsRef, ""));
      expect(npmRun(copy, "generate").status).toBe(0);
      const unbumped = npmRun(copy, "diff");
      expect(unbumped.output).toContain("- `GET /albums/{id}/credits`: API path removed without deprecation");
      expect(unbumped.output).toContain("[bump-on-change]");
      expect(unbumped.output).toContain("[major-for-breaking]");
      expect(unbumped.status).toBe(1);

      copy.write("openapi/openapi.yaml", withInfoVersion(copy.read("openapi/openapi.yaml"), "1.2.0"));
      expect(npmRun(copy, "generate").status).toBe(0);
      expect(npmRun(copy, "changelog", "--summary", "Drops album credits.").status).toBe(0);
      const minor = npmRun(copy, "diff");
      expect(minor.output).not.toContain("[changelog-entry]");
      expect(minor.output).toContain("[major-for-breaking]");
      expect(minor.status).toBe(1);
      copy.git("commit", "--quiet", "--all", "-m", "Drop album credits");
      const refused = npmRun(copy, "release", "1.2.0");
      expect(refused.output).toContain("The gate: [major-for-breaking]");
      expect(refused.status).toBe(1);

      const before = copy.state();
      const major = npmRun(copy, "release", "2.0.0", "--dry-run");
      expect(major.status, major.output).toBe(0);
      expect(major.output).toContain("Release gate passed: 2.0.0.");
      // The draft written as 1.2.0 becomes 2.0.0's section, with its summary.
      expect(major.output).toContain(`## 2.0.0 - ${today()}\n    \n    Drops album credits.\n    \n    ### Breaking changes`);
      expect(copy.state()).toEqual(before);
    });
  });
});
