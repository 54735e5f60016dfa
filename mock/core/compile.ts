// The mock's Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1), which compiles validation.ts's
// schemas: for another description than the one the build ships validators of, for MSW's handlers,
// the proxy, and the build itself. A module of its own, so that what does not compile never loads
// Ajv's compiler.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { componentsId, createValidation, local, type Json, type SchemaCompiler, type Validation } from "./validation.ts";

// ajv-formats is CommonJS: its default export arrives wrapped under Node's ESM interop.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/**
 * The Ajv the mock compiles with, the description's components added. `source` keeps each
 * function's code, for Ajv's standalone module. The meta-schema check is off: it compiled the whole
 * JSON Schema meta-schema at every start (a tenth of a second); the description is linted, and
 * strict mode still refuses an unknown keyword.
 */
export function mockAjv(document: object, source = false): Ajv2020 {
  const components = (document as { components?: Record<string, Record<string, Json>> }).components ?? {};
  // verbose: an error carries the value it is about, which a refusal quotes.
  const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: true, verbose: true, validateSchema: false, ...(source ? { code: { source: true, esm: true } } : {}) });
  addFormats(ajv);
  // Annotations of the description, not constraints.
  ajv.addKeyword({ keyword: "x-extensible-enum", schemaType: "array" });
  ajv.addKeyword({ keyword: "example" });
  ajv.addSchema({ $id: componentsId, $defs: local(components.schemas ?? {}) });
  return ajv;
}

/** Compiles each schema of `document` when it is first needed, with one Ajv made on the first. */
export function ajvCompiler(document: object): SchemaCompiler {
  let ajv: Ajv2020 | undefined;
  return (_key, schema) => {
    ajv ??= mockAjv(document);
    return ajv.compile(schema());
  };
}

/** The validation of `document`, compiled by Ajv. */
export function ajvValidation(document: object): Validation {
  return createValidation(document, ajvCompiler(document));
}
