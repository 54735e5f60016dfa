// CHANGELOG.md sections: oasdiff's changes in three groups under a human summary, newest first.
import { describe, expect, it } from "vitest";
import { changelogHeader, changelogSection, draftSummary, groupChanges, hasEntry, summaryOf, withSection } from "../../scripts/release/changelog.ts";
import { changelog, checks } from "../../scripts/release/oasdiff.ts";
import { fixture, fixtureAt, missingOasdiff, oasdiff } from "./support.ts";

describe.skipIf(missingOasdiff)("a changelog section written from oasdiff", () => {
  const changes = () => changelog(oasdiff as string, fixture("base"), fixtureAt("mixed", "2.0.0"));

  it("groups errors as breaking, what only adds as additions, and the rest (warnings too) as other", () => {
    const groups = groupChanges(changes(), checks(oasdiff as string));
    const ids = (list: Array<{ id: string }>) => [...new Set(list.map((c) => c.id))].sort();
    expect(ids(groups.breaking)).toEqual(["request-parameter-enum-value-removed"]);
    expect(ids(groups.additions)).toEqual(["request-parameter-enum-value-added", "response-optional-property-added"]);
    expect(ids(groups.other)).toEqual(["endpoint-deprecated-with-sunset", "response-optional-property-removed", "response-property-pattern-changed"]);
  });

  it("puts the summary under the heading, then each group with its changes by operation", () => {
    const groups = groupChanges(changes(), checks(oasdiff as string));
    const section = changelogSection({ version: "2.0.0", date: "2026-12-01", summary: "Germany is no longer a market.", groups });
    const [heading, , summary, , ...rest] = section.split("\n");
    expect([heading, summary]).toEqual(["## 2.0.0 - 2026-12-01", "Germany is no longer a market."]);
    const body = rest.join("\n");
    expect(body.indexOf("### Breaking changes")).toBeLessThan(body.indexOf("### Additions"));
    expect(body.indexOf("### Additions")).toBeLessThan(body.indexOf("### Other changes"));
    const under = (title: string) => body.split(`### ${title}\n\n`)[1]?.split("\n\n")[0];
    expect(under("Breaking changes")).toBe("- `GET /albums/{id}`: removed the enum value `DE` from the `query` request parameter `market`");
    expect(under("Additions")).toContain("- `GET /albums/{id}`: added the optional property `label` to the response with the `200` status");
    expect(under("Other changes")).toContain("- `GET /albums`: endpoint deprecated with sunset date `2099-12-31`");
    // A warning says it may break clients: oasdiff's own text does not.
    expect(under("Other changes")).toMatch(/^- `GET \/albums\/\{id\}`: .*pattern.* \(may break some clients: review it\)$/m);
  });
});

describe("the changelog file", () => {
  const section = (version: string, summary = `Summary of ${version}.`) =>
    changelogSection({ version, date: "2026-12-01", summary, groups: { breaking: [], additions: [], other: [] } });

  it("starts with its header and the first release, which lists no changes", () => {
    const first = changelogSection({ version: "1.0.0", date: "2026-12-01", summary: "First release.", groups: undefined });
    expect(withSection(undefined, "1.0.0", first)).toBe(`${changelogHeader}\n## 1.0.0 - 2026-12-01\n\nFirst release.\n`);
  });

  it("says so when a release changes nothing clients send or receive", () => {
    expect(section("1.0.1")).toBe("## 1.0.1 - 2026-12-01\n\nSummary of 1.0.1.\n\nNo change to what clients send or receive.\n");
  });

  it("lists the newest release first, whatever the order of writing", () => {
    let text = withSection(undefined, "1.0.0", section("1.0.0"));
    text = withSection(text, "1.10.0", section("1.10.0"));
    text = withSection(text, "1.9.0", section("1.9.0"));
    const versions = [...text.matchAll(/^## (\S+)/gm)].map((m) => m[1]);
    expect(versions).toEqual(["1.10.0", "1.9.0", "1.0.0"]);
  });

  it("rewrites a version's own section in place, keeping the others", () => {
    let text = withSection(undefined, "1.0.0", section("1.0.0"));
    text = withSection(text, "1.1.0", changelogSection({ version: "1.1.0", date: undefined, summary: "Draft.", groups: undefined }));
    expect(summaryOf(text, "1.1.0")).toBe("Draft.");
    text = withSection(text, "1.1.0", section("1.1.0", "Adds labels."));
    expect(text).toBe(`${changelogHeader}\n${section("1.1.0", "Adds labels.")}\n${section("1.0.0")}`);
    expect(summaryOf(text, "1.1.0")).toBe("Adds labels.");
    expect(summaryOf(text, "1.0.0")).toBe("Summary of 1.0.0.");
  });

  it("drops the draft of the next release written under another number, whose summary it offers", () => {
    let text = withSection(undefined, "1.0.0", section("1.0.0"));
    text = withSection(text, "1.1.0", changelogSection({ version: "1.1.0", date: undefined, summary: "Adds labels.", groups: undefined }));
    expect(draftSummary(text)).toBe("Adds labels.");
    text = withSection(text, "2.0.0", section("2.0.0"));
    expect(hasEntry(text, "1.1.0")).toBe(false);
    expect(text).toBe(`${changelogHeader}\n${section("2.0.0")}\n${section("1.0.0")}`);
    expect(draftSummary(text)).toBeUndefined();
  });

  it("finds no summary in a section that starts with its changes", () => {
    const text = `${changelogHeader}\n## 1.1.0 - unreleased\n\n### Additions\n\n- \`GET /albums\`: something\n`;
    expect(hasEntry(text, "1.1.0")).toBe(true);
    expect(summaryOf(text, "1.1.0")).toBeUndefined();
  });

  it("finds a version's section by its exact version", () => {
    const text = withSection(withSection(undefined, "1.0.0", section("1.0.0")), "11.1.0", section("11.1.0"));
    expect(hasEntry(text, "1.0.0")).toBe(true);
    expect(hasEntry(text, "11.1.0")).toBe(true);
    expect(hasEntry(text, "1.1.0")).toBe(false);
    expect(hasEntry(text, "1.0")).toBe(false);
    expect(summaryOf(text, "1.1.0")).toBeUndefined();
  });
});
