// Amazon's own response examples must be valid against the description: a schema stricter
// than what the real API sends would break every client generated from it.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { deref, loadSpec, operations, type JsonObject } from "./support/spec.ts";
import { createValidator } from "./support/validator.ts";

const fixturesDir = fileURLToPath(new URL("../fixtures/seed/", import.meta.url));
const spec = loadSpec();
const validate = createValidator(spec);

function successSchema(operationId: string): JsonObject {
  const at = operations(spec).find(({ operation }) => operation.operationId === operationId);
  if (!at) throw new Error(`No operation ${operationId}`);
  const response = deref(spec, (at.operation.responses as JsonObject)["200"]) as JsonObject;
  return ((response.content as JsonObject)["application/json"] as JsonObject).schema as JsonObject;
}

const fixtures = readdirSync(fixturesDir)
  .filter((file) => file.endsWith(".json"))
  .map((file) => ({
    operationId: file.replace(/\.json$/, ""),
    body: JSON.parse(readFileSync(fixturesDir + file, "utf8")) as JsonObject,
  }));

describe("Amazon's examples", () => {
  it("are there, one per operation", () => {
    expect(fixtures.map((f) => f.operationId).sort()).toEqual(
      ["getAlbum", "getAlbums", "getLibraryAlbums", "removeLibraryAlbum", "saveLibraryAlbum"],
    );
  });

  it.each(fixtures.map((f) => [f.operationId, f] as const))("%s's is valid against its 200 response", (_, fixture) => {
    expect(validate(successSchema(fixture.operationId), fixture.body)).toEqual([]);
  });

  it("would fail on a body of the wrong shape", () => {
    const getAlbums = fixtures.find((f) => f.operationId === "getAlbums") as (typeof fixtures)[number];
    const wrongShape = { data: { album: (getAlbums.body.data as JsonObject).albums } };
    expect(validate(successSchema("getAlbums"), wrongShape)).toEqual([
      "/data must have required property 'albums' (missingProperty: \"albums\")",
    ]);
  });
});
