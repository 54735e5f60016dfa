// The YAML bundles as other tools read them. PyYAML and Go's yaml parse YAML 1.1, where an
// unquoted 2001-03-07T05:00:00.000Z is a timestamp and `yes` a boolean: a string that looks like
// one must be quoted, or examples stop matching `type: string` there. And the 3.0 rendering
// must be valid OpenAPI 3.0 to an independent validator (openapi-spec-validator, which reads
// with PyYAML), with every example valid against its schema however it is read.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { projectRoot } from "../../scripts/redocly.ts";
import { findCommand, missingTools } from "../support/tools.ts";
import { invalidExamples } from "./support/examples.ts";
import type { JsonObject } from "./support/spec.ts";
import { createValidator } from "./support/validator.ts";
import { toolBudgetMs } from "../support/budgets.ts";

const bundles = { "OpenAPI 3.1 (generated/openapi.yaml)": "generated/openapi.yaml", "OpenAPI 3.0 (generated/openapi-3.0.yaml)": "generated/openapi-3.0.yaml" };
const readers = { "YAML 1.2": (text: string) => parse(text) as JsonObject, "YAML 1.1": (text: string) => parse(text, { version: "1.1" }) as JsonObject };

describe.each(Object.entries(bundles))("%s", (_, file) => {
  const text = readFileSync(join(projectRoot, file), "utf8");

  it("reads the same with a YAML 1.1 parser as with a 1.2 one", () => {
    expect(readers["YAML 1.1"](text)).toEqual(readers["YAML 1.2"](text));
  });

  it.each(Object.entries(readers))("has every example valid against its schema, read as %s", (_, read) => {
    const spec = read(text);
    expect(invalidExamples(spec, createValidator(spec))).toEqual([]);
  });
});

const validator = findCommand("openapi-spec-validator");
const missing = missingTools("The OpenAPI validator", { "openapi-spec-validator": validator }, "pip install -r .ci/requirements.txt");

describe.skipIf(missing !== undefined)("openapi-spec-validator (Python, reading with PyYAML)", { timeout: toolBudgetMs }, () => {
  const check = (path: string) => spawnSync(validator as string, [path], { encoding: "utf8", timeout: toolBudgetMs });

  it.each(Object.values(bundles))("finds %s valid", (file) => {
    const result = check(join(projectRoot, file));
    expect(`${result.stdout}${result.stderr}`.trim()).toBe(`${join(projectRoot, file)}: OK`);
  });

  it("the checks find an empty `required` and an unquoted date in a 3.0 file", () => {
    const broken = readFileSync(join(projectRoot, "generated/openapi-3.0.yaml"), "utf8")
      .replace(/(\n {4}ErrorPayload:\n {6}type: object\n)/, "$1      required: []\n")
      .replace(/releaseDate: "(2001-03-07T05:00:00.000Z)"/, "releaseDate: $1");
    const dir = mkdtempSync(join(tmpdir(), "albums-yaml-"));
    try {
      writeFileSync(join(dir, "openapi-3.0.yaml"), broken);
      expect(check(join(dir, "openapi-3.0.yaml")).status).not.toBe(0);
      expect(readers["YAML 1.1"](broken)).not.toEqual(readers["YAML 1.2"](broken));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
