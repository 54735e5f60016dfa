// Validates values against the description's schemas with Ajv's JSON Schema 2020-12 dialect
// (the dialect of OpenAPI 3.1), in strict mode, independently of Redocly. Strict mode makes an
// unknown keyword in a schema an error, so a typo such as `maxLenght` cannot pass unnoticed.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { Json, JsonObject } from "./spec.ts";

// ajv-formats is CommonJS: its default export arrives wrapped under Node's ESM interop.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const componentsId = "urn:albums-v1:components";
const localSchemaRef = "#/components/schemas/";

/** The `x-` keywords of this description that may stand in a schema (see openapi/README.md). */
export const schemaExtensions = ["x-extensible-enum"] as const;

export type SchemaValidator = (schema: Json, value: unknown) => string[];

export function createValidator(spec: JsonObject): SchemaValidator {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  for (const keyword of schemaExtensions) ajv.addKeyword({ keyword, schemaType: "array" });
  // An annotation of OpenAPI's Schema Object (3.0's only example keyword), not of JSON Schema.
  ajv.addKeyword({ keyword: "example" });

  const components = spec.components as JsonObject | undefined;
  ajv.addSchema({ $id: componentsId, $defs: rewriteRefs(components?.schemas ?? {}) } as object);

  const cache = new Map<string, ValidateFunction>();
  return (schema, value) => {
    const key = JSON.stringify(schema);
    let validate = cache.get(key);
    if (!validate) {
      validate = ajv.compile(rewriteRefs(schema) as object);
      cache.set(key, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (error) => `${error.instancePath || "(root)"} ${error.message ?? "is invalid"}${describeParams(error.params)}`,
    );
  };
}

/** Points `#/components/schemas/X` at the Ajv copy of the components; any other $ref is refused. */
function rewriteRefs(schema: Json): Json {
  return JSON.parse(
    JSON.stringify(schema, (key, value: unknown) => {
      if (key !== "$ref" || typeof value !== "string") return value;
      if (!value.startsWith(localSchemaRef)) throw new Error(`A schema $ref outside components/schemas: ${value}`);
      return `${componentsId}#/$defs/${value.slice(localSchemaRef.length)}`;
    }),
  ) as Json;
}

function describeParams(params: Record<string, unknown>): string {
  const entries = Object.entries(params);
  return entries.length === 0 ? "" : ` (${entries.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(", ")})`;
}
