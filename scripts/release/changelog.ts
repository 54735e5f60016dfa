// CHANGELOG.md: one section per release, newest first, each a human summary line and the changes
// oasdiff found against the previous release, grouped for readers of generated clients: what
// breaks them, what they gain, and the rest.
import { join } from "node:path";
import semver from "semver";
import { projectRoot } from "../redocly.ts";
import { level, type Change, type Check } from "./oasdiff.ts";

export const changelogFile = join(projectRoot, "CHANGELOG.md");

export const changelogHeader = `# Changelog

Every release of the description, newest first. A version is a semantic version of the
description (\`info.version\`), and the client package carries the same one. Each section is
written by \`npm run release\` (or \`npm run changelog\` before it) from \`oasdiff changelog\`
against the previous release: breaking changes (they take a major version), additions, then
other changes.
`;

export interface Groups {
  breaking: Change[];
  additions: Change[];
  other: Change[];
}

/**
 * Breaking: oasdiff's errors, the level the gate holds to a major version. Additions: what its
 * catalogue says only adds (an operation, a parameter, a property, an accepted value...) and
 * breaks nothing. Other: the rest, including oasdiff's warnings, which break some clients only.
 */
export function groupChanges(changes: Change[], catalogue: Map<string, Check>): Groups {
  const groups: Groups = { breaking: [], additions: [], other: [] };
  for (const change of changes) {
    const check = catalogue.get(change.id);
    if (change.level === level.error) groups.breaking.push(change);
    else if (change.level === level.info && check?.actions.every((action) => action === "add")) groups.additions.push(change);
    else groups.other.push(change);
  }
  return groups;
}

export function formatChange(change: Change): string {
  const where = change.operation && change.path ? `\`${change.operation} ${change.path}\`: ` : "";
  const review = change.level === level.warn ? " (may break some clients: review it)" : "";
  return `- ${where}${change.text}${review}`;
}

export interface SectionInput {
  version: string;
  /** `YYYY-MM-DD`, or undefined for a version not released yet. */
  date: string | undefined;
  summary: string;
  /** Changes since the previous release; undefined for the first release. */
  groups: Groups | undefined;
}

export function changelogSection({ version, date, summary, groups }: SectionInput): string {
  const lines = [`## ${version} - ${date ?? "unreleased"}`, "", summary.trim(), ""];
  if (groups !== undefined) {
    const titled: Array<[string, Change[]]> = [
      ["Breaking changes", groups.breaking],
      ["Additions", groups.additions],
      ["Other changes", groups.other],
    ];
    const present = titled.filter(([, changes]) => changes.length > 0);
    if (present.length === 0) lines.push("No change to what clients send or receive.", "");
    for (const [title, changes] of present) lines.push(`### ${title}`, "", ...changes.map(formatChange), "");
  }
  return lines.join("\n");
}

const heading = /^## (\S+)(?: - (.*))?$/gm;

/** Where each version's section starts and ends in the text, and whether it is a draft. */
function sections(changelog: string): Array<{ version: string; start: number; end: number; unreleased: boolean }> {
  const starts = [...changelog.matchAll(heading)].map((match) => ({
    version: match[1] as string,
    start: match.index,
    unreleased: match[2]?.trim() === "unreleased",
  }));
  return starts.map((section, index) => ({ ...section, end: starts[index + 1]?.start ?? changelog.length }));
}

export function hasEntry(changelog: string, version: string): boolean {
  return sections(changelog).some((section) => section.version === version);
}

/** The summary line of a version's section (the first paragraph under its heading), if any. */
export function summaryOf(changelog: string, version: string): string | undefined {
  const section = sections(changelog).find((s) => s.version === version);
  if (section === undefined) return undefined;
  const body = changelog.slice(section.start, section.end).split("\n").slice(1).join("\n").trim();
  const first = body.split(/\n\s*\n/)[0]?.trim();
  return first && !first.startsWith("#") ? first : undefined;
}

/** The summary of the draft of the next release (a section marked unreleased), if any. */
export function draftSummary(changelog: string): string | undefined {
  const draft = sections(changelog).find((section) => section.unreleased);
  return draft && summaryOf(changelog, draft.version);
}

/**
 * The changelog with the version's section in place: replacing the version's own section, or
 * inserted before the first lower version's (newest first). Starts the file when there is none.
 * A draft under another version goes: it was the same next release, numbered before a later
 * change raised its version (a breaking change turning 1.1.0 into 2.0.0).
 */
export function withSection(changelog: string | undefined, version: string, section: string): string {
  let text = changelog ?? changelogHeader;
  for (const draft of sections(text).filter((s) => s.unreleased && s.version !== version).reverse()) {
    text = text.slice(0, draft.start) + text.slice(draft.end);
  }
  const existing = sections(text);
  const own = existing.find((s) => s.version === version);
  if (own) return text.slice(0, own.start) + section + separator(text.slice(own.end)) + text.slice(own.end);
  const next = existing.find((s) => semver.valid(s.version) && semver.lt(s.version, version));
  if (next) return text.slice(0, next.start) + section + "\n" + text.slice(next.start);
  return `${text.trimEnd()}\n\n${section}`;
}

const separator = (rest: string) => (rest.length > 0 ? "\n" : "");
