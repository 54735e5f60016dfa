// The gate's verdict as people read it: the changes in the changelog's groups, then each failed
// rule by name.
import { groupChanges, formatChange } from "./changelog.ts";
import type { Check } from "./oasdiff.ts";
import { rules, type Verdict } from "./gate.ts";

export function describeVerdict(verdict: Verdict, catalogue: Map<string, Check>, names: { base: string; revision: string }): string {
  const groups = groupChanges(verdict.changes, catalogue);
  const lines = [`${names.revision} (${verdict.version}) against ${names.base} (${verdict.baseVersion}):`];
  if (!verdict.changed) lines.push("  no change since the release.");
  else if (verdict.changes.length === 0) lines.push("  changed, but in nothing oasdiff checks (descriptions, examples...).");
  for (const [title, changes] of [["Breaking changes", groups.breaking], ["Additions", groups.additions], ["Other changes", groups.other]] as const) {
    if (changes.length > 0) lines.push("", `${title} (${changes.length}):`, ...changes.map((change) => `  ${formatChange(change)}`));
  }
  lines.push("");
  if (verdict.passed) lines.push(`Release gate passed: ${verdict.version}.`);
  else {
    lines.push(`Release gate failed (${verdict.failures.length}):`);
    for (const failure of verdict.failures) lines.push(`  [${failure.rule}] ${failure.message}`, `      rule: ${rules[failure.rule]}`);
  }
  return lines.join("\n");
}
