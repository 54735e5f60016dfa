// What `npm run release -- <version>` would do, worked out without writing to the project: the
// working description is bundled into a temporary folder at the new version, compared with the
// latest release by the gate, and its changelog section written in memory.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import semver from "semver";
import { parseDocument } from "yaml";
import { bundle } from "../generate.ts";
import { projectRoot } from "../redocly.ts";
import { changelogFile, changelogSection, draftSummary, groupChanges, summaryOf, withSection } from "./changelog.ts";
import { contractChanges, judge } from "./gate.ts";
import { checks, findOasdiff } from "./oasdiff.ts";
import { latestRelease, releaseFiles, releasesDir } from "./releases.ts";
import { describeVerdict } from "./report.ts";

export interface Plan {
  version: string;
  /** The latest release, which the new one is compared with; undefined for the first. */
  previous: string | undefined;
  /** The human summary line, CHANGELOG.md's new section, and the whole file with it. */
  summary: string;
  section: string;
  changelog: string;
  /** The gate's verdict, as printed; undefined for the first release. */
  report: string | undefined;
  /** Why the release would stop; empty when it would go ahead. */
  problems: string[];
}

export function planRelease(version: string, options: { summary: string | undefined; date: string }): Plan {
  const previous = latestRelease();
  const plan: Plan = { version, previous: previous?.version, summary: "", section: "", changelog: "", report: undefined, problems: [] };
  if (semver.valid(version) !== version) {
    plan.problems.push(`'${version}' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.0.0).`);
    return plan;
  }
  if (previous && !semver.gt(version, previous.version)) {
    plan.problems.push(`${version} is not above the latest release, ${previous.version}.`);
  }
  const current = existsSync(changelogFile) ? readFileSync(changelogFile, "utf8") : undefined;
  const summary =
    options.summary ?? summaryOf(current ?? "", version) ?? draftSummary(current ?? "") ?? (previous ? undefined : "First release.");
  if (summary === undefined) plan.problems.push('A release needs a summary line for CHANGELOG.md: --summary "<one line>".');
  plan.summary = summary ?? "";

  if (previous === undefined) {
    plan.section = changelogSection({ version, date: options.date, summary: plan.summary, groups: undefined });
    plan.changelog = withSection(current, version, plan.section);
    return plan;
  }

  const oasdiff = findOasdiff();
  if ("missing" in oasdiff) {
    plan.problems.push(`A release is always gated: ${oasdiff.missing}`);
    return plan;
  }
  const scratch = mkdtempSync(join(tmpdir(), "albums-release-plan-"));
  try {
    bundle(scratch);
    const revision = join(scratch, "openapi.yaml");
    const document = parseDocument(readFileSync(revision, "utf8"));
    document.setIn(["info", "version"], version);
    writeFileSync(revision, document.toString());

    const changes = contractChanges(oasdiff.path, previous.bundle, revision);
    const groups = groupChanges(changes, checks(oasdiff.path));
    plan.section = changelogSection({ version, date: options.date, summary: plan.summary, groups });
    plan.changelog = withSection(current, version, plan.section);
    const verdict = judge(previous.bundle, revision, plan.changelog, oasdiff.path);
    plan.report = describeVerdict(verdict, checks(oasdiff.path), {
      base: relative(projectRoot, previous.bundle),
      revision: `openapi/ at ${version}`,
    });
    plan.problems.push(...verdict.failures.map((failure) => `The gate: [${failure.rule}] ${failure.message}`));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return plan;
}

/** Where the release writes, relative to the project. */
export function releaseWrites(version: string): string[] {
  return [
    "openapi/openapi.yaml",
    "package.json",
    "mock/package.json",
    "package-lock.json",
    "generated",
    relative(projectRoot, join(releasesDir, version)),
    "CHANGELOG.md",
  ];
}

export const releaseSnapshot = (version: string) => releaseFiles.map((file) => join(releasesDir, version, file));
