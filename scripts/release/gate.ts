// The release gate: given the latest release's bundle, the working bundle and CHANGELOG.md, the
// verdict on the working version. It reads only what it is given, so that each rule can be
// tested on small fixtures; scripts/diff.ts applies it to the project.
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import semver from "semver";
import { parse } from "yaml";
import { hasEntry } from "./changelog.ts";
import { changelog as oasdiffChangelog, level, requireOasdiff, type Change } from "./oasdiff.ts";

/** The rules, by the name each failure carries. */
export const rules = {
  "semantic-version": "info.version is a semantic version (MAJOR.MINOR.PATCH)",
  "no-downgrade": "info.version is not lower than the latest release's",
  "bump-on-change": "a bundle that differs from the latest release has a version of its own",
  "major-for-breaking": "a breaking change (an oasdiff error) comes with a major version",
  "deprecation-policy": "a deprecation names a sunset date to come, and nothing deprecated goes before it",
  "changelog-entry": "CHANGELOG.md has a section for info.version",
} as const;

export type Rule = keyof typeof rules;

export interface Failure {
  rule: Rule;
  message: string;
}

export interface Verdict {
  passed: boolean;
  baseVersion: string;
  version: string;
  /** Whether the bundles differ in anything but info.version. */
  changed: boolean;
  /** What oasdiff found, but its own notes on the version (the gate's rules say those). */
  changes: Change[];
  failures: Failure[];
}

/**
 * oasdiff's deprecation checks all carry "sunset" in their ids: a deprecation without a sunset
 * date, or one too close, and a removal before the date. A major version does not excuse them:
 * the date was promised to clients.
 */
/** oasdiff's own notes on info.version, at its info level: the gate's rules say these, as failures. */
const versionNotes = new Set(["api-version-not-bumped", "api-major-version-not-bumped", "api-version-decreased"]);

const isDeprecationPolicy = (change: Change) => change.id.includes("sunset");

export function judge(base: string, revision: string, changelog: string, oasdiff: string = requireOasdiff()): Verdict {
  const baseSpec = readSpec(base);
  const revisionSpec = readSpec(revision);
  const baseVersion = String(baseSpec.info?.version);
  const version = String(revisionSpec.info?.version);
  if (!semver.valid(baseVersion)) throw new Error(`${base}: the released info.version '${baseVersion}' is not a semantic version`);

  const changes = contractChanges(oasdiff, base, revision);
  const changed = !isDeepStrictEqual(withoutVersion(baseSpec), withoutVersion(revisionSpec));
  const failures: Failure[] = [];
  const fail = (rule: Rule, message: string) => failures.push({ rule, message });

  if (semver.valid(version) !== version) {
    fail("semantic-version", `info.version '${version}' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.0).`);
  } else {
    if (semver.lt(version, baseVersion)) fail("no-downgrade", `info.version ${version} is lower than the latest release, ${baseVersion}.`);
    if (changed && version === baseVersion) {
      fail("bump-on-change", `The bundle differs from release ${baseVersion}, but info.version is still ${baseVersion}: give the change a version of its own.`);
    }
    const breaking = changes.filter((change) => change.level === level.error && !isDeprecationPolicy(change));
    if (breaking.length > 0 && semver.major(version) <= semver.major(baseVersion)) {
      fail(
        "major-for-breaking",
        `${breaking.length} breaking change(s) since ${baseVersion}, but ${version} is not a major version: release ${semver.major(baseVersion) + 1}.0.0, or undo them.`,
      );
    }
    if (!hasEntry(changelog, version)) {
      fail("changelog-entry", `CHANGELOG.md has no section for ${version}: write it with npm run changelog -- --summary "<one line>".`);
    }
  }
  for (const change of changes.filter((c) => c.level === level.error && isDeprecationPolicy(c))) {
    fail("deprecation-policy", `${change.operation ?? ""} ${change.path ?? ""}: ${change.text} [${change.id}]`.trim());
  }
  return { passed: failures.length === 0, baseVersion, version, changed, changes, failures };
}

interface Spec {
  info?: { version?: unknown } & Record<string, unknown>;
  [key: string]: unknown;
}

/** oasdiff's changes from base to revision, but its notes on info.version. */
export function contractChanges(oasdiff: string, base: string, revision: string): Change[] {
  return oasdiffChangelog(oasdiff, base, revision).filter((change) => !versionNotes.has(change.id));
}

function readSpec(file: string): Spec {
  const spec = parse(readFileSync(file, "utf8")) as Spec | null;
  if (spec === null || typeof spec !== "object") throw new Error(`${file} is not an OpenAPI document`);
  return spec;
}

function withoutVersion(spec: Spec): Spec {
  const { version: _version, ...info } = spec.info ?? {};
  return { ...spec, info };
}
