// The releases of the description: one folder per version under releases/, committed, so that the
// gate finds the latest one on a fresh clone without tags.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { projectRoot } from "../redocly.ts";

export const releasesDir = join(projectRoot, "releases");

/** What a release snapshots of generated/: the 3.1 bundle in both formats and the 3.0 rendering. */
export const releaseFiles = ["openapi.yaml", "openapi.json", "openapi-3.0.yaml"] as const;

/** The released versions, oldest first, in semantic-version order (1.10.0 after 1.9.0). */
export function releasedVersions(dir: string = releasesDir): string[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const invalid = names.filter((name) => semver.valid(name) !== name);
  if (invalid.length > 0) {
    throw new Error(`${dir} holds folders that are not semantic versions: ${invalid.join(", ")}`);
  }
  return names.sort(semver.compare);
}

/** The latest release and its 3.1 bundle, or undefined before the first release. */
export function latestRelease(dir: string = releasesDir): { version: string; bundle: string } | undefined {
  const version = releasedVersions(dir).at(-1);
  return version === undefined ? undefined : { version, bundle: join(dir, version, "openapi.yaml") };
}
