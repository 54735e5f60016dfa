// The mock's checks of requests and answers on their own, against a small description that has
// what the Albums description has and what it might have one day (numbers, booleans, required
// headers, bodiless answers, other methods): the messages users read, and the descriptions the
// mock refuses to start with rather than check less than they say.
import { describe, expect, it } from "vitest";
import { ajvValidation } from "../../mock/core/compile.ts";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { precompiledCompiler } from "../../mock/core/validation.ts";

const ok = { description: "" };
const document = {
  openapi: "3.1.0",
  paths: {
    "/things/{id}": {
      parameters: [{ $ref: "#/components/parameters/Id" }],
      summary: "Not an operation",
      get: {
        operationId: "getThing",
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1 } },
          { name: "ratio", in: "query", schema: { type: "number" } },
          { name: "flag", in: "query", schema: { type: "boolean" } },
          { name: "confirm", in: "query", schema: { type: "boolean", const: true } },
          { name: "tags", in: "query", style: "form", explode: false, schema: { type: "array", items: { type: "string" }, maxItems: 2 } },
          { name: "word", in: "query", required: true, schema: { type: "string", example: "x" } },
        ],
        responses: {
          "200": {
            description: "",
            headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" }, "X-Must": { required: true, schema: { type: "string" } } },
            content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
          },
          "204": ok,
          "400": { $ref: "#/components/responses/Text" },
        },
      },
      post: { operationId: "postThing", responses: { "204": ok } },
      patch: { operationId: "patchThing", responses: { "204": ok } },
    },
  },
  components: {
    parameters: { Id: { name: "id", in: "path", required: true, style: "simple", schema: { type: "string", pattern: "^[a-z]+$" } } },
    headers: { RetryAfter: { schema: { type: "string", pattern: "^[0-9]+$" } } },
    responses: { Text: { description: "", content: { "text/plain": { schema: { type: "string" } } } } },
    schemas: {
      Thing: {
        type: "object",
        required: ["data"],
        properties: { data: { type: "object", properties: { at: { type: "string", format: "date-time" }, kind: { type: "string", "x-extensible-enum": ["A"] } } } },
      },
    },
  },
};

// Made afresh for each check: an operation's validators are compiled on its first check, which
// must be each test's own (and a description refused must fail a test, not the file's import).
const validation = () => ajvValidation(document);
const query = { word: "w" };
const path = { id: "abc" };

describe("a request", () => {
  it("has its parameters read as their schemas type them: numbers, booleans, comma-separated lists", () => {
    expect(validation().request("getThing", { path, query: { ...query, limit: "2", ratio: "-1.25", flag: "true", tags: "a,b" } })).toEqual([]);
    expect(validation().request("getThing", { path, query: { ...query, flag: "false", ratio: "3", confirm: "true" } })).toEqual([]);
    expect(validation().request("getThing", { path, query: { word: "true" } })).toEqual([]);
  });

  it.each([
    [{ flag: "yes" }, "Request query parameter flag must be boolean"],
    [{ confirm: "false" }, "Request query parameter confirm must be equal to constant"],
    [{ ratio: "1.5x" }, "Request query parameter ratio must be number"],
    [{ ratio: "1." }, "Request query parameter ratio must be number"],
    [{ limit: "0" }, "Request query parameter limit must be >= 1"],
    [{ limit: "1.5" }, "Request query parameter limit must be integer"],
    [{ tags: "a,b,c" }, "Request query parameter tags must NOT have more than 2 items"],
  ])("%j: %s", (extra, message) => {
    expect(validation().request("getThing", { path, query: { ...query, ...extra } })).toEqual([message]);
  });

  it("names a missing parameter, a bad path parameter, and every problem at once", () => {
    expect(validation().request("getThing", { path: { id: "ABC" }, query: { limit: "0" } })).toEqual([
      'Request path parameter id must match pattern "^[a-z]+$" (it is "ABC")',
      "Request query must have required property 'word'",
      "Request query parameter limit must be >= 1",
    ]);
  });

  it("of any method, with the path item's parameters", () => {
    expect(validation().request("postThing", { path, query: {} })).toEqual([]);
    expect(validation().request("patchThing", { path: { id: "1" }, query: {} })).toEqual(['Request path parameter id must match pattern "^[a-z]+$" (it is "1")']);
  });

  it("of an operation the description does not have is the mock's own error", () => {
    expect(() => validation().request("nope", { path, query })).toThrow("nope is not an operation of the description.");
  });

  it("may ask how a query parameter is declared; a path parameter or an unknown name is not one", () => {
    expect(validation().queryParameter("getThing", "tags")).toMatchObject({ style: "form", explode: false });
    expect(validation().queryParameter("getThing", "id")).toBeUndefined();
    expect(validation().queryParameter("getThing", "other")).toBeUndefined();
    expect(validation().queryParameter("nope", "tags")).toBeUndefined();
  });
});

describe("an answer", () => {
  const good = { data: { at: "2024-01-02T03:04:05Z", kind: "B" } };

  it("that matches passes, headers looked up by their lower-case names", () => {
    expect(validation().response("getThing", 200, { "x-must": "1", "retry-after": "2" }, good)).toEqual([]);
    expect(validation().response("getThing", 200, { "x-must": "1" }, good)).toEqual([]);
  });

  it("has every way it breaks the description named", () => {
    expect(validation().response("getThing", 200, { "retry-after": "soon" }, { data: { at: "yesterday" } })).toEqual([
      'Response body property data.at must match format "date-time"',
      "Response header retry-after must match pattern \"^[0-9]+$\"",
      "Response header x-must is missing",
    ]);
    expect(validation().response("getThing", 200, { "x-must": "1" }, {})).toEqual(["Response body must have required property 'data'"]);
  });

  it("with a status the operation does not have says which it has", () => {
    expect(validation().response("getThing", 418, {}, undefined)).toEqual(["418 is not a response of getThing (it has 200, 204, 400)"]);
  });

  it("without content, or not in JSON, has no body to check", () => {
    expect(validation().response("getThing", 204, {}, undefined)).toEqual([]);
    expect(validation().response("getThing", 400, {}, "plain text")).toEqual([]);
  });
});

describe("a description the mock cannot check as it says", () => {
  const withParameter = (parameter: object) => ({ paths: { "/x/{id}": { get: { operationId: "x", parameters: [parameter], responses: {} } } } });

  it.each([
    ["a header parameter", { name: "h", in: "header", schema: { type: "string" } }],
    ["a cookie parameter", { name: "c", in: "cookie", schema: { type: "string" } }],
    ["a query parameter in another style", { name: "q", in: "query", style: "deepObject", schema: { type: "object" } }],
    ["a query parameter in the path's style", { name: "q", in: "query", style: "simple", schema: { type: "string" } }],
    ["a path parameter in the query's style", { name: "id", in: "path", style: "form", required: true, schema: { type: "string" } }],
    ["an exploded array", { name: "q", in: "query", schema: { type: "array", items: { type: "string" } } }],
  ])("fails the start: %s", (_, parameter) => {
    expect(() => ajvValidation(withParameter(parameter))).toThrow(/^The mock reads path parameters in the simple style and query parameters in the form style, arrays not exploded: \w+ parameter \w+ is not one\.$/);
  });

  it("a path parameter in its own style, and an array not exploded, are fine", () => {
    expect(() => ajvValidation(withParameter({ name: "id", in: "path", style: "simple", required: true, schema: { type: "string" } }))).not.toThrow();
    expect(() => ajvValidation(withParameter({ name: "q", in: "query", explode: false, schema: { type: "array", items: { type: "string" } } }))).not.toThrow();
  });

  it.each(["other.yaml#/components/parameters/Id", "#/components/parameters/Id/more", "#/components/nothing/Id", "#/components/parameters/Other"])(
    "fails the start: a $ref it cannot follow (%s)",
    (ref) => {
      expect(() => ajvValidation({ ...withParameter({ $ref: ref }), components: { parameters: { Id: { name: "id", in: "path", schema: { type: "string" } } } } })).toThrow(
        `The mock cannot follow the $ref ${ref}.`,
      );
    },
  );

  it.each([
    ["a keyword it does not know", { type: "string", maxLenght: 3 }, /strict mode: unknown keyword: "maxLenght"/],
    ["x-extensible-enum that is not a list", { type: "string", "x-extensible-enum": "A" }, /^x-extensible-enum value must be \["array"\]$/],
  ])("fails the first check of the operation: %s", (_, schema, message) => {
    const refused = ajvValidation({ paths: { "/x": { get: { operationId: "x", parameters: [{ name: "q", in: "query", schema }], responses: {} } } } });
    expect(() => refused.request("x", { path: {}, query: {} })).toThrow(message);
  });
});

describe("the validators the mock's build compiled ahead", () => {
  it("are used as they are, each by its key; a key the build did not compile is a broken build, said so", () => {
    const compiled = Object.assign(() => true, { errors: null }) as unknown as ValidateFunction;
    const compile = precompiledCompiler({ "request getAlbum": compiled });
    const schema = () => ({});
    expect(compile("request getAlbum", schema)).toBe(compiled);
    expect(() => compile("request getAlbums", schema)).toThrow(`The mock's build has no validator for "request getAlbums": build the mock again (node mock/build.mjs).`);
  });
});
