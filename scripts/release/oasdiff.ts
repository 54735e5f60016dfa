// Runs oasdiff, the breaking-change checker the release gate relies on, at the version pinned in
// generators/versions.json (installed from the Go module proxy by generators/install.sh).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { projectRoot } from "../redocly.ts";

export const oasdiffVersion = (
  JSON.parse(readFileSync(join(projectRoot, "generators", "versions.json"), "utf8")) as { oasdiff: string }
).oasdiff;

export const installOasdiff = "bash generators/install.sh oasdiff";

/** oasdiff's levels, as its JSON output numbers them. */
export const level = { info: 1, warn: 2, error: 3 } as const;

/** One change oasdiff found between two descriptions (its `changelog --format json` item). */
export interface Change {
  id: string;
  text: string;
  comment?: string;
  level: 1 | 2 | 3;
  operation?: string;
  path?: string;
  section?: string;
}

/** What oasdiff's catalogue says of a check: enough to tell an addition from other changes. */
export interface Check {
  id: string;
  kind: string;
  actions: string[];
}

/**
 * A notice period of one day: a deprecation must name a sunset date (`x-sunset`), and one still to
 * come. Not a longer period: this describes Amazon's API, whose dates Amazon sets, not us.
 */
const deprecationNoticeDays = "1";

function goBinDirs(): string[] {
  const go = findOnPath("go");
  const gopath = go ? execFileSync(go, ["env", "GOPATH"], { encoding: "utf8" }).trim() : join(homedir(), "go");
  return gopath.split(delimiter).map((dir) => join(dir, "bin"));
}

function findOnPath(name: string): string | undefined {
  return (process.env.PATH ?? "")
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name))
    .find((path) => existsSync(path));
}

/**
 * The oasdiff binary at the pinned version, or why there is none: what to install. A binary of
 * another version is refused rather than used, since versions rate some changes differently.
 */
export function findOasdiff(): { path: string } | { missing: string } {
  const path = findOnPath("oasdiff") ?? goBinDirs().map((dir) => join(dir, "oasdiff")).find((p) => existsSync(p));
  if (path === undefined) {
    // oasdiff v1.37.0's go.mod asks for Go 1.26: Debian's golang-go (1.19) is too old to build it.
    const install = findOnPath("go") ? installOasdiff : `Go 1.26 or later (https://go.dev/dl/), then ${installOasdiff}`;
    return { missing: `oasdiff ${oasdiffVersion} is not installed. Install ${install}` };
  }
  const found = versionOf(path);
  if (found !== oasdiffVersion) {
    return { missing: `${path} is oasdiff ${found ?? "of an unknown version"}, not the pinned ${oasdiffVersion}. Run ${installOasdiff}` };
  }
  return { path };
}

/** The module version `go install` built a binary from, or the one a release binary prints. */
function versionOf(binary: string): string | undefined {
  const go = findOnPath("go");
  if (go) {
    const info = spawnSync(go, ["version", "-m", binary], { encoding: "utf8" });
    // The line `mod  github.com/oasdiff/oasdiff  v1.37.0  h1:...` of `go version -m`.
    const fields = (info.stdout ?? "").split("\n").map((line) => line.trim().split(/\s+/));
    const module = fields.find(([kind, path]) => kind === "mod" && path === "github.com/oasdiff/oasdiff");
    if (module?.[2]) return module[2];
  }
  // A binary from oasdiff's release page prints its version; one built by `go install` prints "main".
  const printed = (spawnSync(binary, ["--version"], { encoding: "utf8" }).stdout ?? "").split(/\s+/).find((word) => /^v?\d+\.\d+\.\d+$/.test(word));
  return printed ? `v${printed.replace(/^v/, "")}` : undefined;
}

/** The pinned binary; throws with what to install when there is none. */
export function requireOasdiff(): string {
  const found = findOasdiff();
  if ("missing" in found) throw new Error(found.missing);
  return found.path;
}

function run(oasdiff: string, args: string[]): string {
  // In an empty folder and without OASDIFF_CONFIG: no .oasdiff.* file can change the rules.
  const cwd = mkdtempSync(join(tmpdir(), "albums-oasdiff-"));
  const { OASDIFF_CONFIG: _ignored, ...env } = process.env;
  try {
    const result = spawnSync(oasdiff, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) {
      throw new Error(`oasdiff ${args.join(" ")} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
    }
    return result.stdout;
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** Every change from base to revision (files), at every level, in oasdiff's order. */
export function changelog(oasdiff: string, base: string, revision: string): Change[] {
  const output = run(oasdiff, [
    "changelog", base, revision,
    "--format", "json",
    "--deprecation-days-stable", deprecationNoticeDays,
    "--deprecation-days-beta", deprecationNoticeDays,
    // A bundle is self-contained: a reference to another file or URL is a defect, not something to fetch.
    "--allow-external-refs=false",
  ]);
  return (JSON.parse(output || "[]") as Change[] | null) ?? [];
}

let catalogue: Map<string, Check> | undefined;

/** oasdiff's catalogue of checks, by id. */
export function checks(oasdiff: string): Map<string, Check> {
  catalogue ??= new Map(
    (JSON.parse(run(oasdiff, ["checks", "changelog", "--format", "json"])) as Check[]).map((check) => [check.id, check]),
  );
  return catalogue;
}
