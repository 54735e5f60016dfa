import { describe, expect, it } from "vitest";
import { collectExamples, invalidExamples } from "./support/examples.ts";
import { deref, isObject, loadSpec, operations, type JsonObject } from "./support/spec.ts";
import { createValidator } from "./support/validator.ts";

const spec = loadSpec();
const validate = createValidator(spec);
const examples = collectExamples(spec);

describe("every example in the bundle", () => {
  it("is found: each operation's named success examples, every error example, parameter and schema examples", () => {
    const where = examples.map((example) => example.where);
    for (const name of ["discovery", "discoveryAndAroundTheWorld", "onePage", "firstPage", "secondPage", "saved", "removed"]) {
      expect(where.some((w) => w.endsWith(`/responses/200/content/application~1json/examples/${name}`))).toBe(true);
    }
    expect(where.filter((w) => w.startsWith("/components/responses/")).length).toBe(11);
    expect(where).toContain("/components/parameters/AlbumIds/example");
    expect(where).toContain("/components/schemas/Album/properties/id/examples/0");
    expect(where).toContain("/components/headers/RetryAfter/example");
  });

  it.each(examples.map((example) => [example.where, example] as const))("%s is valid against its schema", (_, example) => {
    expect(validate(example.schema, example.value)).toEqual([]);
  });
});

describe("the example check itself", () => {
  const discovery = "/paths/~1albums~1{id}/get/responses/200/content/application~1json/examples/discovery";

  function discoveryAlbum(copy: JsonObject): JsonObject {
    const example = deref(copy, { $ref: "#/components/examples/AlbumDiscovery" }) as JsonObject;
    return ((example.value as JsonObject).data as JsonObject).album as JsonObject;
  }

  it("fails on a media-type example of the wrong type", () => {
    const copy = loadSpec();
    discoveryAlbum(copy).id = 42;
    expect(invalidExamples(copy, createValidator(copy))).toEqual([`${discovery}: /data/album/id must be string (type: "string")`]);
  });

  it("fails on a media-type example that lacks a required property", () => {
    const copy = loadSpec();
    delete discoveryAlbum(copy).title;
    expect(invalidExamples(copy, createValidator(copy))).toEqual([
      `${discovery}: /data/album must have required property 'title' (missingProperty: "title")`,
    ]);
  });

  it("fails on a schema example and a parameter example of the wrong type", () => {
    const copy = loadSpec();
    const components = copy.components as JsonObject;
    ((((components.schemas as JsonObject).Album as JsonObject).properties as JsonObject).duration as JsonObject).examples = ["61 minutes"];
    ((components.parameters as JsonObject).Limit as JsonObject).example = 0;
    expect(invalidExamples(copy, createValidator(copy))).toEqual([
      "/components/parameters/Limit/example: (root) must be >= 1 (comparison: \">=\", limit: 1)",
      "/components/schemas/Album/properties/duration/examples/0: (root) must be integer (type: \"integer\")",
    ]);
  });
});

describe("the error examples", () => {
  const errorCodes = (((spec.components as JsonObject).schemas as JsonObject).ErrorCode as JsonObject)[
    "x-extensible-enum"
  ] as string[];

  const errorExamples = operations(spec).flatMap(({ operation }) =>
    Object.entries(operation.responses as JsonObject)
      .filter(([status]) => Number(status) >= 400)
      .flatMap(([status, response]) => {
        const content = (deref(spec, response) as JsonObject).content as JsonObject;
        const named = (content["application/json"] as JsonObject).examples as JsonObject;
        return Object.entries(named).map(([name, example]) => ({
          operationId: String(operation.operationId),
          status,
          name,
          error: ((deref(spec, example) as JsonObject).value as JsonObject).error as JsonObject,
        }));
      }),
  );

  it("cover every documented error code, each under the status that carries it", () => {
    expect(errorCodes).toHaveLength(10);
    expect(new Set(errorExamples.map(({ error }) => error.code))).toEqual(new Set(errorCodes));
  });

  it.each(errorExamples.map((e) => [`${e.operationId} ${e.status} ${e.name}`, e] as const))(
    "%s: named after its code, with the response's status",
    (_, { status, name, error }) => {
      expect(error.code).toBe(name);
      expect(error.status).toBe(status);
    },
  );
});

describe("every response", () => {
  it("has named examples", () => {
    for (const { operation } of operations(spec)) {
      for (const response of Object.values(operation.responses as JsonObject)) {
        const mediaType = ((deref(spec, response) as JsonObject).content as JsonObject)["application/json"];
        expect(isObject(mediaType) && isObject(mediaType.examples) && Object.keys(mediaType.examples).length > 0).toBe(true);
      }
    }
  });
});
