// The little of git a release needs: whether the tree is clean, and committing the release.
import { execFileSync, spawnSync } from "node:child_process";
import { projectRoot } from "../redocly.ts";

function git(args: string[]): string {
  // No optional locks: `git status` would otherwise refresh the index, a write a dry run must not make.
  return execFileSync("git", args, { cwd: projectRoot, encoding: "utf8", env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" } });
}

/** `git status --porcelain` lines: changed, staged and untracked files (ignored ones are not). */
export function uncommittedChanges(): string[] {
  return git(["status", "--porcelain", "--untracked-files=all"]).split("\n").filter(Boolean);
}

export function inHead(path: string): boolean {
  return spawnSync("git", ["cat-file", "-e", `HEAD:${path}`], { cwd: projectRoot }).status === 0;
}

export function commit(paths: string[], message: string[]): void {
  git(["add", "--", ...paths]);
  git(["commit", "--quiet", ...message.flatMap((paragraph) => ["-m", paragraph]), "--", ...paths]);
}

/** Puts the given paths back as HEAD has them, and deletes those HEAD does not have. */
export function restore(paths: string[]): void {
  git(["reset", "--quiet", "HEAD", "--", ...paths]);
  const tracked = paths.filter(inHead);
  if (tracked.length > 0) git(["checkout", "HEAD", "--", ...tracked]);
  const untracked = paths.filter((path) => !inHead(path));
  if (untracked.length > 0) git(["clean", "--quiet", "--force", "-d", "--", ...untracked]);
}
