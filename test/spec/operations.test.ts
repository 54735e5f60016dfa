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

  it("names production and the local mock as servers", () => {
    expect((spec.servers as JsonObject[]).map((server) => server.url)).toEqual([
      "https://api.music.amazon.dev/v1",
      "http://127.0.0.1:4010",
    ]);
  });

  it("describes the API key header and Login with Amazon", () => {
    const schemes = components.securitySchemes as JsonObject;
    expect(schemes.apiKey).toMatchObject({ type: "apiKey", in: "header", name: "x-api-key" });
    expect(schemes.loginWithAmazon).toMatchObject({
      type: "oauth2",
      flows: {
        authorizationCode: {
          authorizationUrl: "https://www.amazon.com/ap/oa",
          tokenUrl: "https://api.amazon.com/auth/o2/token",
        },
      },
    });
  });
});

describe.each(expected)("$operationId", (want) => {
  const at = found.find(({ operation }) => operation.operationId === want.operationId);
  const operation = at?.operation ?? {};

  it(`is ${want.method.toUpperCase()} ${want.path}`, () => {
    expect(at && { method: at.method, path: at.path }).toEqual({ method: want.method, path: want.path });
  });

  it("requires the API key AND a bearer token with its scope", () => {
    expect(operation.security).toEqual([{ apiKey: [], loginWithAmazon: [want.scope] }]);
    // Scopes Amazon does not publish are marked as inferred, in the scheme and on the operation.
    const inferred = want.scope !== "music::catalog";
    expect(operation["x-scopes-inferred"] ?? false).toBe(inferred);
    const scopes = ((components.securitySchemes as JsonObject).loginWithAmazon as JsonObject).flows as JsonObject;
    const description = ((scopes.authorizationCode as JsonObject).scopes as JsonObject)[want.scope];
    expect(String(description).includes("Inferred")).toBe(inferred);
  });

  it("takes its parameters, and no others", () => {
    const parameters = at ? parametersOf(spec, at) : [];
    expect(parameters.map(({ name, in: where, required }) => ({ name, in: where, required: required ?? false }))).toEqual(
      want.parameters,
    );
    for (const parameter of parameters) expect(String(parameter.description ?? "")).not.toBe("");
  });

  it("lists every error the API documents for it, as shared components", () => {
    const responses = operation.responses as JsonObject;
    const statuses = ["200", "400", "401", "403", ...(want.notFound ? ["404"] : []), "429", "500"];
    expect(Object.keys(responses).sort()).toEqual(statuses);
    for (const status of statuses.filter((s) => s !== "200")) {
      expect((responses[status] as JsonObject).$ref).toMatch(/^#\/components\/responses\/[A-Za-z]+$/);
      const content = (deref(spec, responses[status]) as JsonObject).content as JsonObject;
      expect((content["application/json"] as JsonObject).schema).toEqual({ $ref: "#/components/schemas/ErrorResponse" });
    }
    const throttled = deref(spec, responses["429"]) as JsonObject;
    expect((throttled.headers as JsonObject)["Retry-After"]).toEqual({ $ref: "#/components/headers/RetryAfter" });
  });

  it("has a tag, a summary and a description that records its decisions", () => {
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

  it("ids is a comma-separated array of 1 to 100 album IDs", () => {
    expect(parameter("AlbumIds")).toMatchObject({
      style: "form",
      explode: false,
      schema: { type: "array", minItems: 1, maxItems: 100, items: { pattern: "^[A-Z0-9]{10}$" } },
    });
  });

  it("limit is an integer from 1 to 100, default 100; cursor is an opaque string", () => {
    expect(parameter("Limit").schema).toMatchObject({ type: "integer", minimum: 1, maximum: 100, default: 100 });
    expect(parameter("Cursor").schema).toMatchObject({ type: "string", minLength: 1 });
  });

  it("the library listing does not take the seed's albumIds", () => {
    const listing = found.find(({ operation }) => operation.operationId === "getLibraryAlbums");
    expect(listing && parametersOf(spec, listing).map((p) => p.name)).not.toContain("albumIds");
    expect(String(listing?.operation.description)).toContain("albumIds");
  });
});

describe("the response schemas", () => {
  it("allow unknown properties (the API grows) and never use OpenAPI 3.0's nullable", () => {
    const schemas = components.schemas as JsonObject;
    for (const [name, schema] of Object.entries(schemas)) {
      expect.soft(isObject(schema) && schema.additionalProperties === false, `${name} forbids unknown properties`).toBe(false);
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
