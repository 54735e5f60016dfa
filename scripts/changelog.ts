// `npm run changelog -- [--summary "<one line>"]`: writes CHANGELOG.md's section for the working
// info.version (marked unreleased) from what oasdiff finds against the latest release, keeping
// the section's summary line (or the draft's, under an earlier number) unless given a new one. A change to openapi/ that bumps info.version
// runs this to satisfy the gate's changelog rule; `npm run release` rewrites it with the date.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "./redocly.ts";
import { changelogFile, changelogSection, draftSummary, groupChanges, summaryOf, withSection } from "./release/changelog.ts";
import { contractChanges } from "./release/gate.ts";
import { infoVersion } from "./release/info-version.ts";
import { checks, requireOasdiff } from "./release/oasdiff.ts";
import { latestRelease } from "./release/releases.ts";

const { values } = parseArgs({ options: { summary: { type: "string" } } });
const revision = join(projectRoot, "generated", "openapi.yaml");
const version = infoVersion(readFileSync(revision, "utf8"));
const previous = latestRelease();
const current = existsSync(changelogFile) ? readFileSync(changelogFile, "utf8") : undefined;

if (previous === undefined) {
  console.log("No release yet: the first release (npm run release -- 1.0.0) writes its own section.");
} else if (version === previous.version) {
  console.error(`info.version is still ${version}, the latest release's: set the next version in openapi/openapi.yaml and run npm run generate first.`);
  process.exitCode = 1;
} else {
  const summary = values.summary ?? summaryOf(current ?? "", version) ?? draftSummary(current ?? "");
  if (summary === undefined) {
    console.error(`CHANGELOG.md has no summary for ${version} yet: npm run changelog -- --summary "<one line>".`);
    process.exit(1);
  }
  const oasdiff = requireOasdiff();
  const groups = groupChanges(contractChanges(oasdiff, previous.bundle, revision), checks(oasdiff));
  const section = changelogSection({ version, date: undefined, summary, groups });
  writeFileSync(changelogFile, withSection(current, version, section));
  console.log(`CHANGELOG.md: the section for ${version}, against ${previous.version}:\n\n${section}`);
}
