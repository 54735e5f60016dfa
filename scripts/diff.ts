// `npm run diff`: the release gate. Compares the working bundle (generated/openapi.yaml) with the
// latest release under releases/, prints the changes, and fails when a rule of
// scripts/release/gate.ts is broken. Without oasdiff it says what to install and ends as skipped
// (scripts/skip-step.ts), except under CI=true, where it fails.
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { projectRoot } from "./redocly.ts";
import { changelogFile } from "./release/changelog.ts";
import { judge } from "./release/gate.ts";
import { checks, findOasdiff } from "./release/oasdiff.ts";
import { latestRelease } from "./release/releases.ts";
import { describeVerdict } from "./release/report.ts";
import { skipStep } from "./skip-step.ts";

const revision = join(projectRoot, "generated", "openapi.yaml");
const release = latestRelease();
const oasdiff = findOasdiff();

if (release === undefined) {
  console.log("No release yet under releases/: nothing to compare the bundle with, so nothing to gate.");
  console.log("The first release (npm run release -- 1.0.0) creates releases/1.0.0/.");
} else if ("missing" in oasdiff) {
  skipStep(`the release gate needs oasdiff: ${oasdiff.missing}`);
} else {
  const changelog = existsSync(changelogFile) ? readFileSync(changelogFile, "utf8") : "";
  const verdict = judge(release.bundle, revision, changelog, oasdiff.path);
  const names = { base: relative(projectRoot, release.bundle), revision: relative(projectRoot, revision) };
  console.log(describeVerdict(verdict, checks(oasdiff.path), names));
  if (!verdict.passed) process.exitCode = 1;
}
