// What the release tests share: the pinned oasdiff (or a skip with what to install, except under
// CI=true), the fixtures, and a fixture at a chosen info.version.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { parseDocument } from "yaml";
import { findOasdiff, installOasdiff, oasdiffVersion } from "../../scripts/release/oasdiff.ts";
import { missingTools } from "../support/tools.ts";

const found = findOasdiff();
export const oasdiff = "path" in found ? found.path : undefined;
/** Why the tests that run oasdiff are skipped, or undefined; throws under CI=true. */
export const missingOasdiff = missingTools("The release gate tests", { [`oasdiff ${oasdiffVersion}`]: oasdiff }, installOasdiff);

export const fixturesDir = join(import.meta.dirname, "fixtures");
export const fixture = (name: string) => join(fixturesDir, `${name}.yaml`);

let scratch: string | undefined;
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** A copy of a fixture with info.version set: the same change, released under another number. */
export function fixtureAt(name: string, version: string): string {
  scratch ??= mkdtempSync(join(tmpdir(), "albums-release-fixtures-"));
  const document = parseDocument(readFileSync(fixture(name), "utf8"));
  document.setIn(["info", "version"], version);
  const file = join(scratch, `${name}@${version}.yaml`);
  writeFileSync(file, document.toString());
  return file;
}

/** A changelog with a section for each version given. */
export const changelogWith = (...versions: string[]) =>
  `# Changelog\n\n${versions.map((version) => `## ${version} - unreleased\n\nA change.\n`).join("\n")}`;
