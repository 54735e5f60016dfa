// The five operations as other tools of this project rely on them: their operationIds,
// methods, paths, credentials, parameters and error responses.
import { describe, expect, it } from "vitest";
import { deref, isObject, loadSpec, operations, parametersOf, type JsonObject } from "./support/spec.ts";

const spec = loadSpec();
const components = spec.components as JsonObject;

const albumId = { name: "id", in: "path", required: true };
const expected = [
  { operationId: "getAlbum", method: "get", path: "/albums/{id}", scope: "music::catalog", parameters: [albumId], notFound: true },
  { operationId: "getAlbums", method: "get", path: "/albums", scope: "music::catalog", parameters: [{ name: "ids", in: "query", required: true }], notFound: true },
  {
    operationId: "getLibraryAlbums",
    method: "get",
    path: "/me/library/albums",
    scope: "music::library:read",
    parameters: [
      { name: "limit", in: "query", required: false },
      { name: "cursor", in: "query", required: false },
    ],
    notFound: false,
  },
  { operationId: "saveLibraryAlbum", method: "put", path: "/me/library/albums/{id}", scope: "music::library", parameters: [albumId], notFound: true },
  { operationId: "removeLibraryAlbum", method: "delete", path: "/me/library/albums/{id}", scope: "music::library", parameters: [albumId], notFound: true },
] as const;

const found = operations(spec);

describe("the description", () => {
  it("has exactly the five operations", () => {
    expect(found.map(({ operation }) => operation.operationId).sort()).toEqual(expected.map((e) => e.operationId).sort());
  });

  it("names production as its one server (the docs add the local mock; a generated client must not carry it)", () => {
    expect((spec.servers as JsonObject[]).map((server) => server.url)).toEqual(["https://api.music.amazon.dev/v1"]);
  });

  it("describes the API key header, and the token as an http bearer scheme with how Login with Amazon issues it", () => {
    const schemes = components.securitySchemes as JsonObject;
    expect(schemes.apiKey).toMatchObject({ type: "apiKey", in: "header", name: "x-api-key" });
    // An http bearer scheme is what every generator sends as `Authorization: Bearer <token>` given the
    // token alone; an oauth2 scheme, openapi-generator's typescript-fetch sends without the prefix.
    expect(schemes.loginWithAmazon).toMatchObject({ type: "http", scheme: "bearer" });
    const description = String((schemes.loginWithAmazon as JsonObject).description);
    for (const words of ["https://www.amazon.com/ap/oa", "https://api.amazon.com/auth/o2/token", "music::catalog", "music::library:read", "music::library", "inferred"]) {
      expect(description).toContain(words);
    }
  });
});

describe.each(expected)("$operationId", (want) => {
  const at = found.find(({ operation }) => operation.operationId === want.operationId);
  const operation = at?.operation ?? {};

  it(`is ${want.method.toUpperCase()} ${want.path}`, () => {
    expect(at && { method: at.method, path: at.path }).toEqual({ method: want.method, path: want.path });
  });

  it("requires the API key AND a bearer token, and names the token's scope", () => {
    // An http scheme takes no scopes in OpenAPI 3.0 (the rendering for older generators): the scope is in the text.
    expect(operation.security).toEqual([{ apiKey: [], loginWithAmazon: [] }]);
    const inferred = want.scope !== "music::catalog";
    expect(String(operation.description)).toContain(`Scope: \`${want.scope}\`${inferred ? " (inferred" : "."}`);
    // Scopes Amazon does not publish are marked as inferred on the operation too.
    expect(operation["x-scopes-inferred"] ?? false).toBe(inferred);
  });

  it("takes its parameters, and no others", () => {
    const parameters = at ? parametersOf(spec, at) : [];
    expect(parameters.map(({ name, in: where, required }) => ({ name, in: where, required: required ?? false }))).toEqual(
      want.parameters,
    );
    for (const parameter of parameters) expect(String(parameter.description ?? "")).not.toBe("");
  });

  it("lists every error the API documents for it, and a default for any other status, as shared components", () => {
    const responses = operation.responses as JsonObject;
    const statuses = ["200", "400", "401", "403", ...(want.notFound ? ["404"] : []), "429", "500", "default"];
    expect(Object.keys(responses).sort()).toEqual(statuses);
    for (const status of statuses.filter((s) => s !== "200")) {
      expect((responses[status] as JsonObject).$ref).toMatch(/^#\/components\/responses\/[A-Za-z]+$/);
      const content = (deref(spec, responses[status]) as JsonObject).content as JsonObject;
      expect((content["application/json"] as JsonObject).schema).toEqual({ $ref: "#/components/schemas/ErrorResponse" });
    }
    // A gateway's 502, 503 or 504 decodes into the envelope too, and may ask to wait.
    expect(responses.default).toEqual({ $ref: "#/components/responses/UnexpectedError" });
    for (const status of ["429", "default"]) {
      const response = deref(spec, responses[status]) as JsonObject;
      expect((response.headers as JsonObject)["Retry-After"]).toEqual({ $ref: "#/components/headers/RetryAfter" });
    }
  });

  it("has a tag, a summary and a description of what it does", () => {
    expect(operation.tags).toHaveLength(1);
    expect(String(operation.summary)).toMatch(/^[A-Z][a-z]+ /);
    expect(String(operation.description).length).toBeGreaterThan(80);
  });
});

describe("the parameters, as contract", () => {
  const parameter = (name: string) => deref(spec, { $ref: `#/components/parameters/${name}` }) as JsonObject;

  it("an album ID is 10 upper-case letters or digits", () => {
    expect(parameter("AlbumId").schema).toMatchObject({ type: "string", pattern: "^[A-Z0-9]{10}$" });
  });

  it("ids is one string of 1 to 100 comma-separated album IDs, which every generator sends as one value", () => {
    // An array with `explode: false` is a wire format four generators get wrong (they repeat it).
    const ids = parameter("AlbumIds");
    expect(ids).not.toHaveProperty("style");
    expect(ids).not.toHaveProperty("explode");
    expect(ids.schema).toEqual({ type: "string", pattern: "^[A-Z0-9]{10}(,[A-Z0-9]{10}){0,99}$", minLength: 10, maxLength: 1099 });
    const pattern = new RegExp(String((ids.schema as JsonObject).pattern));
    const list = (count: number) => Array.from({ length: count }, (_, i) => `B${String(i).padStart(9, "0")}`).join(",");
    for (const good of [list(1), list(2), list(100)]) expect(pattern.test(good), good.slice(0, 30)).toBe(true);
    for (const bad of ["", list(101), `${list(2)},`, "B0064UPU4G,,B00D3PLC1K", "b0064upu4g", "B0064UPU4G B00D3PLC1K"]) expect(pattern.test(bad), bad.slice(0, 30)).toBe(false);
    expect(list(100).length).toBe(1099);
  });

  it("limit is an integer from 1 to 100, default 100; cursor is an opaque string", () => {
    expect(parameter("Limit").schema).toMatchObject({ type: "integer", format: "int32", minimum: 1, maximum: 100, default: 100 });
    expect(parameter("Cursor").schema).toMatchObject({ type: "string", minLength: 1 });
  });

  it("the library listing does not take the seed's albumIds (openapi/README.md says why)", () => {
    const listing = found.find(({ operation }) => operation.operationId === "getLibraryAlbums");
    expect(listing && parametersOf(spec, listing).map((p) => p.name)).not.toContain("albumIds");
  });
});

describe("the response schemas", () => {
  it("say in so many words that they allow unknown properties (the API grows), and never use OpenAPI 3.0's nullable", () => {
    const schemas = components.schemas as JsonObject;
    for (const [name, schema] of Object.entries(schemas)) {
      // openapi-generator reads an unsaid additionalProperties as closed (disallowAdditionalPropertiesIfNotPresent):
      // its Go and Java clients then fail on the first field the API adds.
      if (isObject(schema) && schema.type === "object") expect.soft(schema.additionalProperties, `${name} does not say additionalProperties: true`).toBe(true);
      expect.soft(JSON.stringify(schema), `${name} uses nullable`).not.toContain('"nullable"');
    }
  });

  it("state their required properties (never an empty list), and give every property a description and an example", () => {
    const schemas = components.schemas as JsonObject;
    for (const [name, schema] of Object.entries(schemas)) {
      if (!isObject(schema) || schema.type !== "object") continue;
      const properties = schema.properties as JsonObject;
      // OpenAPI 3.0 (the rendering for older generators) allows no empty `required`: leave it out instead.
      if (schema.required !== undefined) expect.soft((schema.required as string[]).length, `${name}.required is empty`).toBeGreaterThan(0);
      for (const [property, definition] of Object.entries(properties)) {
        // A property that is a $ref is described and exemplified by the schema it names.
        const resolved = deref(spec, definition) as JsonObject;
        expect.soft(resolved.description, `${name}.${property} has no description`).toBeTypeOf("string");
        expect.soft(resolved.examples, `${name}.${property} has no example`).toEqual([expect.anything()]);
      }
    }
  });

  it("leave the response's root schema without schema-level examples, so mocks serve the named ones", () => {
    // Prism's static mode prefers a root schema's `examples` over the media type's named examples.
    const roots = new Set<string>();
    for (const { operation } of operations(spec)) {
      for (const response of Object.values(operation.responses as JsonObject)) {
        const media = ((deref(spec, response) as JsonObject).content as JsonObject)["application/json"] as JsonObject;
        roots.add(String((media.schema as JsonObject).$ref));
      }
    }
    expect(roots.size).toBe(6);
    for (const ref of roots) expect((deref(spec, { $ref: ref }) as JsonObject).examples, ref).toBeUndefined();
  });
});
