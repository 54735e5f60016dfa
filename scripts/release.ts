// `npm run release -- <version> [--summary "<one line>"] [--dry-run]`: cuts a release of the
// description and of the client package, which carry the same version. In order: the tree must be
// clean, the gate must pass on the working description at <version> against the latest release,
// and `npm test` must pass; then it sets info.version (openapi/openapi.yaml) and package.json's
// version, regenerates generated/, snapshots releases/<version>/, writes the CHANGELOG.md
// section, commits all of it as "Release <version>", and builds dist/release/ from that commit.
// With --dry-run it prints all it would do, and why it would stop, and writes nothing.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { generate, generatedDir } from "./generate.ts";
import { projectRoot } from "./redocly.ts";
import { artifactsDir, buildArtifacts } from "./release/artifacts.ts";
import { changelogFile } from "./release/changelog.ts";
import { judge } from "./release/gate.ts";
import { commit, restore, uncommittedChanges } from "./release/git.ts";
import { infoVersion, withInfoVersion } from "./release/info-version.ts";
import { planRelease, releaseWrites } from "./release/plan.ts";
import { releaseFiles, releasesDir } from "./release/releases.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { summary: { type: "string" }, "dry-run": { type: "boolean", default: false } },
});
const version = positionals[0];
if (version === undefined || positionals.length > 1) {
  console.error('Usage: npm run release -- <version> [--summary "<one line for CHANGELOG.md>"] [--dry-run]');
  process.exit(2);
}
const dryRun = values["dry-run"];
const source = join(projectRoot, "openapi", "openapi.yaml");
const packageJson = join(projectRoot, "package.json");

const dirty = uncommittedChanges();
const plan = planRelease(version, { summary: values.summary, date: new Date().toISOString().slice(0, 10) });
const problems = [
  ...(dirty.length > 0 ? [`The tree has uncommitted changes; commit or stash them first:\n    ${dirty.join("\n    ")}`] : []),
  ...plan.problems,
];

const from = { description: infoVersion(readFileSync(source, "utf8")), package: (JSON.parse(readFileSync(packageJson, "utf8")) as { version: string }).version };
console.log(`${dryRun ? "Dry run: what " : ""}Release ${version}${dryRun ? " would do" : ""}, after ${plan.previous ?? "no earlier release"}:
  1. check the tree is clean, then run npm test (the whole suite)
  2. openapi/openapi.yaml: info.version '${from.description}' -> '${version}'
     package.json, mock/package.json, package-lock.json: version ${from.package} -> ${version}
  3. npm run generate: ${relative(projectRoot, generatedDir)}/ regenerated at ${version}
  4. ${relative(projectRoot, join(releasesDir, version))}/: ${releaseFiles.join(", ")}
  5. CHANGELOG.md: the section below
  6. a commit, "Release ${version}", of: ${releaseWrites(version).join(", ")}
  7. ${relative(projectRoot, artifactsDir)}/ built from that commit: ${releaseFiles.join(", ")}, index.html (the docs), CHANGELOG.md, the npm tarball, SHA256SUMS
`);
if (plan.report) console.log(`${plan.report}\n`);
if (plan.section) console.log(`CHANGELOG.md section:\n\n${plan.section.replace(/^/gm, "    ")}`);
if (problems.length > 0) {
  console.error(`The release ${dryRun ? "would stop" : "stops"} here (${problems.length}):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
}
if (dryRun) {
  console.log("Dry run: nothing written.");
  process.exit(problems.length > 0 ? 1 : 0);
}
if (problems.length > 0) process.exit(1);

console.log("Running npm test: the release goes ahead only if the whole suite passes.");
if (spawnSync("npm", ["test"], { cwd: projectRoot, stdio: "inherit" }).status !== 0) {
  console.error(`npm test failed: no release, nothing written.`);
  process.exit(1);
}
const dirtied = uncommittedChanges();
if (dirtied.length > 0) {
  console.error(`The tree changed while the suite ran; no release:\n    ${dirtied.join("\n    ")}`);
  process.exit(1);
}

const writes = releaseWrites(version);
try {
  writeFileSync(source, withInfoVersion(readFileSync(source, "utf8"), version));
  execFileSync("npm", ["version", version, "--no-git-tag-version", "--allow-same-version"], { cwd: projectRoot, stdio: "ignore" });
  // The mock's package is released with the same version.
  execFileSync("npm", ["version", version, "--workspace", "mock", "--no-git-tag-version", "--allow-same-version"], { cwd: projectRoot, stdio: "ignore" });
  await generate();
  mkdirSync(join(releasesDir, version), { recursive: true });
  for (const file of releaseFiles) copyFileSync(join(generatedDir, file), join(releasesDir, version, file));
  writeFileSync(changelogFile, plan.changelog);

  // Once more on what was written: the release that lands is the one the gate passed.
  if (plan.previous) {
    const verdict = judge(join(releasesDir, plan.previous, "openapi.yaml"), join(generatedDir, "openapi.yaml"), plan.changelog);
    if (!verdict.passed) throw new Error(`the gate fails on the regenerated bundle: ${verdict.failures.map((f) => f.message).join(" ")}`);
  }
  commit(writes, [`Release ${version}`, plan.summary]);
} catch (error) {
  restore(writes);
  console.error(`The release failed, and everything it wrote is undone: ${(error as Error).message}`);
  process.exit(1);
}

let sums: string;
try {
  sums = buildArtifacts();
} catch (error) {
  // The release is committed; only its artefacts are missing, and they come from the commit alone.
  console.error(`Released ${version} (committed), but building its artefacts failed: ${(error as Error).message}`);
  console.error("Fix the cause, then run npm run release:artifacts.");
  process.exit(1);
}
console.log(`Released ${version}: committed, and built into ${relative(projectRoot, artifactsDir)}/:\n${sums}`);
console.log(`Next: tag it (git tag -a v${version} -m "Release ${version}"), push, and publish ${relative(projectRoot, artifactsDir)}/.`);

