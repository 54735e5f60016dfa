// Finds every example in the description together with the schema it illustrates:
// parameter, header and media-type examples (`example` and named `examples`), and the
// `examples` arrays (3.1) or `example` (3.0) of every schema and subschema.
import { deref, escapePointerToken, isObject, type Json, type JsonObject } from "./spec.ts";
import type { SchemaValidator } from "./validator.ts";

export interface FoundExample {
  /** A JSON pointer into the bundle, naming the example. */
  where: string;
  schema: Json;
  value: Json;
}

export function collectExamples(spec: JsonObject): FoundExample[] {
  const found: FoundExample[] = [];
  walk(spec, "", spec, found);
  return found;
}

export function invalidExamples(spec: JsonObject, validate: SchemaValidator): string[] {
  return collectExamples(spec).flatMap(({ where, schema, value }) =>
    validate(schema, value).map((problem) => `${where}: ${problem}`),
  );
}

// Keys whose values are data, not description: never walked into.
const dataKeys = new Set(["example", "examples", "default", "enum", "const"]);

function walk(spec: JsonObject, where: string, node: Json, found: FoundExample[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => walk(spec, `${where}/${index}`, item, found));
    return;
  }
  if (!isObject(node)) return;
  if (where === "/components/schemas") {
    for (const [name, schema] of Object.entries(node)) walkSchema(`${where}/${escapePointerToken(name)}`, schema, found);
    return;
  }
  // A parameter, header or media type: an object with a schema and maybe examples of it.
  if (isObject(node.schema)) {
    collectContainerExamples(spec, where, node, node.schema, found);
    walkSchema(`${where}/schema`, node.schema, found);
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === "schema" || dataKeys.has(key)) continue;
    walk(spec, `${where}/${escapePointerToken(key)}`, child, found);
  }
}

function collectContainerExamples(
  spec: JsonObject,
  where: string,
  container: JsonObject,
  schema: Json,
  found: FoundExample[],
): void {
  if (container.example !== undefined) found.push({ where: `${where}/example`, schema, value: container.example });
  if (!isObject(container.examples)) return;
  for (const [name, entry] of Object.entries(container.examples)) {
    const example = deref(spec, entry);
    const at = `${where}/examples/${escapePointerToken(name)}`;
    if (!isObject(example) || !("value" in example)) {
      throw new Error(`${at}: an example without an inline value (externalValue is not used here)`);
    }
    found.push({ where: at, schema, value: example.value as Json });
  }
}

const subschemaKeys = ["items", "additionalProperties", "not", "if", "then", "else", "contains"] as const;
const subschemaListKeys = ["allOf", "anyOf", "oneOf", "prefixItems"] as const;
const subschemaMapKeys = ["properties", "patternProperties", "$defs"] as const;

function walkSchema(where: string, schema: Json, found: FoundExample[]): void {
  if (!isObject(schema)) return;
  if (Array.isArray(schema.examples)) {
    schema.examples.forEach((value, index) => found.push({ where: `${where}/examples/${index}`, schema, value }));
  }
  // OpenAPI 3.0's one example per schema (the 3.0 rendering turns `examples` into it).
  if (schema.example !== undefined) found.push({ where: `${where}/example`, schema, value: schema.example });
  for (const key of subschemaKeys) walkSchema(`${where}/${key}`, schema[key] ?? null, found);
  for (const key of subschemaListKeys) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((sub, index) => walkSchema(`${where}/${key}/${index}`, sub, found));
  }
  for (const key of subschemaMapKeys) {
    const map = schema[key];
    if (!isObject(map)) continue;
    for (const [name, sub] of Object.entries(map)) walkSchema(`${where}/${key}/${escapePointerToken(name)}`, sub, found);
  }
}
