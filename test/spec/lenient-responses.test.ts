// The rule of openapi/README.md ("Lenient responses"): a response schema promises only what
// Amazon documents or what a client cannot work without. Every constraint a strict generated
// client would enforce on a response (a pattern, a format, a length, a bound, uniqueness, a
// closed set) is one that breaks it the day the API sends something new, so none may creep back.
import { describe, expect, it } from "vitest";
import { isObject, loadSpec, type Json, type JsonObject } from "./support/spec.ts";

/** Keywords that make a strict client refuse a value its type would take. */
const constraining = [
  "pattern", "format", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
  "multipleOf", "minItems", "maxItems", "uniqueItems", "enum", "const", "minProperties", "maxProperties",
];

/** What Amazon documents: `releaseDate` is an ISO 8601 date-time (its examples, and the API's other pages). */
const documented = ["/components/schemas/Album/properties/releaseDate/format"];

function constraintsIn(node: Json | undefined, pointer: string, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item, index) => constraintsIn(item, `${pointer}/${index}`, found));
  if (!isObject(node)) return found;
  for (const [key, value] of Object.entries(node)) {
    // Examples and descriptions are data about the schema, not schema.
    if (key === "examples" || key === "description" || key.startsWith("x-")) continue;
    // int64 on an integer is a width, not a constraint: the widest every language has, so that no
    // generated client reads a count into 32 bits and wraps it (int32, or none, would let some do).
    const width = key === "format" && value === "int64" && node.type === "integer";
    if (constraining.includes(key) && !width) found.push(`${pointer}/${key}`);
    constraintsIn(value, `${pointer}/${key}`, found);
  }
  return found;
}

describe("the response schemas", () => {
  const components = loadSpec().components as JsonObject;
  const schemas = components.schemas as JsonObject;

  it("constrain nothing Amazon does not document", () => {
    expect(constraintsIn(schemas, "/components/schemas")).toEqual(documented);
  });

  it("and neither do the response headers (a strict client validates those too)", () => {
    expect(constraintsIn(components.headers, "/components/headers")).toEqual([]);
  });

  it("give every integer the 64-bit width, which every language reads alike", () => {
    const integers: string[] = [];
    const visit = (node: Json | undefined, pointer: string) => {
      if (Array.isArray(node)) node.forEach((item, index) => visit(item, `${pointer}/${index}`));
      if (!isObject(node)) return;
      if (node.type === "integer") integers.push(`${pointer} ${String(node.format)}`);
      for (const [key, value] of Object.entries(node)) if (key !== "examples") visit(value, `${pointer}/${key}`);
    };
    visit(schemas, "/components/schemas");
    expect(integers.length).toBeGreaterThanOrEqual(5);
    expect(integers.filter((line) => !line.endsWith(" int64"))).toEqual([]);
  });

  it("keep open sets open: the known values in x-extensible-enum, never enum", () => {
    for (const name of ["AudioQuality", "ErrorCode", "SaveState"]) {
      expect(schemas[name], name).toMatchObject({ type: "string", "x-extensible-enum": expect.any(Array) });
    }
  });

  it("the check itself finds a constraint put back", () => {
    const copy = structuredClone(schemas);
    ((copy.LibraryAlbumEdge as JsonObject).properties as JsonObject).objectId = { type: "string", format: "uuid" };
    expect(constraintsIn(copy, "/components/schemas")).toContain("/components/schemas/LibraryAlbumEdge/properties/objectId/format");
    ((copy.Album as JsonObject).properties as JsonObject).duration = { type: "integer", format: "int32" };
    expect(constraintsIn(copy, "/components/schemas")).toContain("/components/schemas/Album/properties/duration/format");
  });
});
