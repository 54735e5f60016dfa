// The release gate on small fixture pairs (fixtures/): each rule of scripts/release/gate.ts made
// to fail, and the same change made to pass with the version the rule asks for. oasdiff is real.
import { describe, expect, it } from "vitest";
import { judge, type Verdict } from "../../scripts/release/gate.ts";
import { level } from "../../scripts/release/oasdiff.ts";
import { changelogWith, fixture, fixtureAt, missingOasdiff, oasdiff } from "./support.ts";

/** The verdict on a fixture released as `version`, against base.yaml (1.0.0), with a changelog entry for it. */
function verdictOn(revision: string, version: string, options: { base?: string; changelog?: string } = {}): Verdict {
  return judge(fixture(options.base ?? "base"), fixtureAt(revision, version), options.changelog ?? changelogWith(version, "1.0.0"), oasdiff);
}
/** The rules a verdict names, each once (a rule may fail once per change). */
const failedRules = (verdict: Verdict) => [...new Set(verdict.failures.map((failure) => failure.rule))];
const errorIds = (verdict: Verdict) => verdict.changes.filter((change) => change.level === level.error).map((change) => change.id);

describe.skipIf(missingOasdiff)("the release gate", () => {
  describe("rule major-for-breaking: a breaking change (oasdiff error) takes a major version", () => {
    it.each([
      ["removed-operation", "api-path-removed-without-deprecation"],
      ["new-required-parameter", "new-required-request-parameter"],
      ["narrowed-enum", "request-parameter-enum-value-removed"],
      ["removed-response-property", "response-required-property-removed"],
      ["relaxed-response-pattern", "response-property-pattern-removed"],
      ["relaxed-response-format", "response-property-type-changed"],
    ])("%s fails as a minor version (1.1.0), and passes as a major one (2.0.0)", (revision, check) => {
      const minor = verdictOn(revision, "1.1.0");
      expect(errorIds(minor)).toContain(check);
      expect(failedRules(minor)).toEqual(["major-for-breaking"]);
      expect(minor.passed).toBe(false);

      const major = verdictOn(revision, "2.0.0");
      expect(major).toMatchObject({ passed: true, failures: [] });
    });
  });

  describe("what breaks nothing passes as a minor version", () => {
    it.each([
      ["added-optional-property", "response-optional-property-added"],
      ["new-operation", "endpoint-added"],
    ])("%s passes as 1.1.0", (revision, check) => {
      const verdict = verdictOn(revision, "1.1.0");
      expect(verdict.changes.map((change) => change.id)).toContain(check);
      expect(errorIds(verdict)).toEqual([]);
      expect(verdict).toMatchObject({ passed: true, changed: true, failures: [] });
    });
  });

  describe("rule bump-on-change: a changed bundle has a version of its own", () => {
    it("fails on an added property that keeps the released version, 1.0.0", () => {
      expect(failedRules(verdictOn("added-optional-property", "1.0.0"))).toEqual(["bump-on-change"]);
    });

    it("fails on a change oasdiff does not report (a summary), and passes on it as 1.0.1", () => {
      const kept = verdictOn("description-only", "1.0.0");
      expect(kept.changes).toEqual([]);
      expect(failedRules(kept)).toEqual(["bump-on-change"]);
      expect(verdictOn("description-only", "1.0.1")).toMatchObject({ passed: true, changed: true });
    });

    it("passes on the released bundle itself, unchanged and at its version", () => {
      expect(verdictOn("base", "1.0.0")).toMatchObject({ passed: true, changed: false, changes: [] });
    });

    it("passes on a new version of an unchanged bundle (a release of the client alone), which it reports unchanged", () => {
      expect(verdictOn("base", "1.0.1")).toMatchObject({ passed: true, changed: false, changes: [] });
    });
  });

  describe("rule no-downgrade: the version never goes below the latest release", () => {
    it("fails on the released bundle at 0.9.0", () => {
      expect(failedRules(verdictOn("base", "0.9.0"))).toEqual(["no-downgrade"]);
    });
  });

  describe("rule semantic-version: info.version is MAJOR.MINOR.PATCH", () => {
    it.each(["1.1", "v1.1.0", "1.1.0.0"])("fails on %s", (version) => {
      expect(failedRules(verdictOn("added-optional-property", version))).toEqual(["semantic-version"]);
    });
  });

  describe("rule changelog-entry: CHANGELOG.md has a section for the version", () => {
    it("fails on 1.1.0 with a changelog that stops at 1.0.0, or names 1.1.0-rc.1 only", () => {
      for (const changelog of [changelogWith("1.0.0"), changelogWith("1.1.0-rc.1", "1.0.0"), ""]) {
        expect(failedRules(verdictOn("added-optional-property", "1.1.0", { changelog }))).toEqual(["changelog-entry"]);
      }
    });
  });

  describe("rule deprecation-policy: deprecations carry a sunset date to come, and are kept until it", () => {
    it("fails on an operation deprecated without a sunset date (x-sunset), whatever the version", () => {
      for (const version of ["1.1.0", "2.0.0"]) {
        const verdict = verdictOn("deprecated-without-sunset", version);
        expect(errorIds(verdict)).toEqual(["api-deprecated-sunset-missing"]);
        expect(failedRules(verdict)).toEqual(["deprecation-policy"]);
      }
    });

    it("passes on an operation deprecated with a sunset date, as a minor version", () => {
      expect(verdictOn("deprecated-with-sunset", "1.1.0")).toMatchObject({ passed: true });
    });

    it.each([
      ["removed-before-sunset", "api-path-removed-before-sunset"],
      ["removed-property-before-sunset", "response-required-property-removed-before-sunset"],
    ])("fails on %s even as a major version: the date was promised", (revision, check) => {
      for (const version of ["1.1.0", "2.0.0"]) {
        const verdict = verdictOn(revision, version, { base: "deprecations-base" });
        expect(errorIds(verdict)).toContain(check);
        expect(failedRules(verdict)).toEqual(["deprecation-policy"]);
      }
    });

    it("passes on an operation removed after its sunset date, as a minor version (oasdiff's policy)", () => {
      const verdict = verdictOn("removed-after-sunset", "1.1.0", { base: "deprecations-base" });
      expect(verdict).toMatchObject({ passed: true, changed: true, changes: [] });
    });
  });
});
