// The bundled description as the tests read it, and small helpers to walk it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export const bundlePath = fileURLToPath(new URL("../../../generated/openapi.json", import.meta.url));

/** A fresh copy of the bundle each call, so a test may mutate it. */
export function loadSpec(): JsonObject {
  return JSON.parse(readFileSync(bundlePath, "utf8")) as JsonObject;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows local `$ref`s (`#/...`) until it reaches a node that is not a reference. */
export function deref(spec: JsonObject, node: Json | undefined): Json | undefined {
  const seen = new Set<string>();
  let current = node;
  while (isObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (seen.has(ref)) throw new Error(`$ref cycle at ${ref}`);
    seen.add(ref);
    current = resolvePointer(spec, ref);
  }
  return current;
}

export function resolvePointer(doc: Json, ref: string): Json | undefined {
  if (!ref.startsWith("#")) throw new Error(`Not a local $ref: ${ref}`);
  let node: Json | undefined = doc;
  for (const token of pointerTokens(ref.slice(1))) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node)) node = node[token];
    else return undefined;
  }
  return node;
}

export function pointerTokens(pointer: string): string[] {
  if (pointer === "" || pointer === "/") return pointer === "" ? [] : [""];
  return pointer
    .slice(1)
    .split("/")
    .map((token) => decodeURIComponent(token).replaceAll("~1", "/").replaceAll("~0", "~"));
}

export function escapePointerToken(token: string): string {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}

export const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface OperationAt {
  path: string;
  method: (typeof httpMethods)[number];
  operation: JsonObject;
  pathItem: JsonObject;
}

export function operations(spec: JsonObject): OperationAt[] {
  const found: OperationAt[] = [];
  const paths = isObject(spec.paths) ? spec.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    const pathItem = deref(spec, item);
    if (!isObject(pathItem)) continue;
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (isObject(operation)) found.push({ path, method, operation, pathItem });
    }
  }
  return found;
}

/** Path-level and operation-level parameters, dereferenced; the operation's win, as in OpenAPI. */
export function parametersOf(spec: JsonObject, at: OperationAt): JsonObject[] {
  const byKey = new Map<string, JsonObject>();
  for (const list of [at.pathItem.parameters, at.operation.parameters]) {
    for (const entry of Array.isArray(list) ? list : []) {
      const parameter = deref(spec, entry);
      if (isObject(parameter)) byKey.set(`${String(parameter.in)}:${String(parameter.name)}`, parameter);
    }
  }
  return [...byKey.values()];
}
