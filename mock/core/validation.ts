// Every request and every answer of the mock, checked against the description with Ajv (JSON
// Schema 2020-12, the dialect of OpenAPI 3.1), each operation's schemas compiled once. Prism's
// own validators did this too, at about 50 µs a request: more than the provider's whole work,
// which halved what the mock could serve. Parameters are read as the description declares them
// (path and query; `form` arrays split on commas, numbers and booleans read from their text);
// a parameter of another kind or style fails the mock's start rather than go unchecked.
//
// Ajv itself is not imported here: what compiles a schema is given (compile.ts), so that the
// mock's command, which ships every validator compiled ahead, does not load Ajv's compiler at all.
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { quote } from "./envelope.ts";
import { operationMethods } from "./routes.ts";

export type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  style?: string;
  explode?: boolean;
  allowEmptyValue?: boolean;
  schema: Json;
}

export interface RequestValues {
  /** Decoded path parameters. */
  path: Record<string, string>;
  /** Query parameters, each once (repeats are refused before). */
  query: Record<string, string>;
}

/** How a query parameter is declared, for what the mock refuses before validating (repeats, empty values). */
export interface QueryParameter {
  style?: string;
  explode?: boolean;
  allowEmptyValue?: boolean;
  /** A list (`type: array`) is one comma-separated value: the only form of list the mock reads. */
  schema: { type?: unknown; pattern?: unknown };
}

export interface Validation {
  /** The declaration of an operation's query parameter, or undefined when it has none of that name. */
  queryParameter(operationId: string, name: string): QueryParameter | undefined;
  /** What is wrong with the request, in the words of the description; empty when nothing. */
  request(operationId: string, values: RequestValues): string[];
  /** The same, each problem where it is (`/query/limit`) and what was expected. */
  requestProblems(operationId: string, values: RequestValues): Problem[];
  /** What is wrong with the answer; empty when nothing. */
  response(operationId: string, status: number, headers: Record<string, string>, body: unknown): string[];
  /** The same, each problem where it is (a JSON pointer into the body, or the header's name) and what was expected. */
  responseProblems(operationId: string, status: number, headers: Record<string, string>, body: unknown): Problem[];
}

/** A way an answer departs from the description. */
export interface Problem {
  where: "request" | "status" | "body" | "header";
  /** A JSON pointer into the body (`/data/album/id`), or the header's name; empty for the status. */
  pointer: string;
  /** What the description expects there, in Ajv's words ("must be string"). */
  expected: string;
  /** The JSON Schema keyword that failed (`type`, `required`, `enum`...). */
  keyword?: string;
  /** The value that failed, where there is one. */
  value?: unknown;
}

export const componentsId = "urn:albums-mock:components";

/**
 * Validators compiled ahead of time (Ajv's standalone code, made by the mock's build for the
 * description it ships), by key: `request <operationId>`, `body <operationId> <status>`,
 * `header <operationId> <status> <name>`.
 */
export type PrecompiledValidators = Record<string, ValidateFunction>;

/**
 * Gives the validator of the schema a key names (see PrecompiledValidators), called once per key,
 * when the validator is first needed: `schema` makes the schema, for a compiler that needs it.
 */
export type SchemaCompiler = (key: string, schema: () => Json) => ValidateFunction;

/** The validators the mock's build compiled ahead, for the description they were compiled from. */
export function precompiledCompiler(validators: PrecompiledValidators): SchemaCompiler {
  return (key) => {
    const found = validators[key];
    // The build compiles every key of the description it ships: a missing one is a broken build.
    if (!found) throw new Error(`The mock's build has no validator for "${key}": build the mock again (node mock/build.mjs).`);
    return found;
  };
}

interface Declared {
  parameters: Parameter[];
  /** Each status's body schema and headers, resolved. */
  responses: Map<string, { body: Json | undefined; headers: Array<{ name: string; required: boolean; schema: Json }> }>;
}

/** Each operation's parameters and responses, as the validators read them; a parameter the mock cannot read fails here. */
function declarationsOf(document: object): Map<string, Declared> {
  const { paths, components: found } = document as { paths?: Record<string, Json>; components?: Record<string, Record<string, Json>> };
  const components = found ?? {};
  const resolve = <T>(node: unknown): T => {
    let current = node as Json;
    while (typeof current.$ref === "string") {
      const [, kind, name] = /^#\/components\/([^/]+)\/([^/]+)$/.exec(current.$ref) ?? [];
      if (!kind || !name || !components[kind]?.[name]) throw new Error(`The mock cannot follow the $ref ${current.$ref}.`);
      current = components[kind][name] as Json;
    }
    return current as T;
  };
  const declarations = new Map<string, Declared>();
  for (const item of Object.values(paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operationMethods.includes(method)) continue;
      const op = operation as Json;
      const parameters = [...((item.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])].map((p) => resolve<Parameter>(p));
      // A parameter the mock cannot read fails the start, not the first request.
      requestSchema(parameters);
      const responses: Declared["responses"] = new Map();
      for (const [status, response] of Object.entries((op.responses ?? {}) as Record<string, unknown>)) {
        const { content, headers } = resolve<{ content?: Record<string, { schema?: Json }>; headers?: Record<string, unknown> }>(response);
        const body = content?.["application/json"]?.schema;
        responses.set(status, {
          body: body ? local(body) : undefined,
          headers: Object.entries(headers ?? {}).map(([name, header]) => {
            const resolved = resolve<{ required?: boolean; schema: Json }>(header);
            return { name: name.toLowerCase(), required: resolved.required ?? false, schema: local(resolved.schema) };
          }),
        });
      }
      declarations.set(String(op.operationId), { parameters, responses });
    }
  }
  return declarations;
}

/** Every schema the mock validates with, by the key PrecompiledValidators names it by. */
export function validatorSchemas(document: object): Map<string, Json> {
  const schemas = new Map<string, Json>();
  for (const [operationId, { parameters, responses }] of declarationsOf(document)) {
    schemas.set(`request ${operationId}`, requestSchema(parameters));
    for (const [status, { body, headers }] of responses) {
      if (body) schemas.set(`body ${operationId} ${status}`, body);
      for (const header of headers) schemas.set(`header ${operationId} ${status} ${header.name}`, header.schema);
    }
  }
  return schemas;
}

/** `compile` gives each validator (compile.ts's Ajv, or the build's precompiled ones). */
export function createValidation(document: object, compile: SchemaCompiler): Validation {
  const declarations = declarationsOf(document);
  // Each validator when it is first needed (an operation's request, a status's answer): compiling
  // them all would add a fifth of a second to every start, and a first request needs a few.
  const validators = new Map<string, ValidateFunction>();
  const validator = (key: string, schema: () => Json): ValidateFunction => {
    let found = validators.get(key);
    if (found) return found;
    found = compile(key, schema);
    validators.set(key, found);
    return found;
  };
  const declared = (operationId: string): Declared => {
    const found = declarations.get(operationId);
    if (!found) throw new Error(`${operationId} is not an operation of the description.`);
    return found;
  };

  const requestErrors = (operationId: string, values: RequestValues): ErrorObject[] => {
    const { parameters } = declared(operationId);
    const request = validator(`request ${operationId}`, () => requestSchema(parameters));
    const input = { path: {} as Record<string, unknown>, query: {} as Record<string, unknown> };
    for (const parameter of parameters) {
      const raw = (parameter.in === "path" ? values.path : values.query)[parameter.name];
      if (raw !== undefined) input[parameter.in as "path" | "query"][parameter.name] = read(raw, parameter);
    }
    return request(input) ? [] : (request.errors ?? []);
  };

  const responseProblems: Validation["responseProblems"] = (operationId, status, headers, body) => {
    const { responses } = declared(operationId);
    const key = responses.has(String(status)) ? String(status) : "default";
    const response = responses.get(key);
    if (!response) return [{ where: "status", pointer: "", expected: `${status} is not a response of ${operationId} (it has ${[...responses.keys()].join(", ")})` }];
    const problems: Problem[] = [];
    if (response.body) {
      const check = validator(`body ${operationId} ${key}`, () => response.body as Json);
      if (!check(body)) problems.push(...(check.errors ?? []).map((error): Problem => ({ where: "body", pointer: error.instancePath, expected: error.message ?? "is not valid", keyword: error.keyword, value: error.data })));
    }
    for (const header of response.headers) {
      const value = headers[header.name];
      if (value === undefined) {
        if (header.required) problems.push({ where: "header", pointer: header.name, expected: "is missing" });
        continue;
      }
      const check = validator(`header ${operationId} ${key} ${header.name}`, () => header.schema);
      if (!check(value)) problems.push(...(check.errors ?? []).map((error): Problem => ({ where: "header", pointer: header.name, expected: error.message ?? "is not valid", keyword: error.keyword, value })));
    }
    return problems;
  };

  return {
    queryParameter: (operationId, name) => declarations.get(operationId)?.parameters.find((parameter) => parameter.in === "query" && parameter.name === name),

    request: (operationId, values) => requestErrors(operationId, values).map(requestMessage),

    requestProblems: (operationId, values) =>
      requestErrors(operationId, values).map((error): Problem => ({ where: "request", pointer: error.instancePath, expected: error.message ?? "is not valid", keyword: error.keyword, value: error.data })),

    response(operationId, status, headers, body) {
      return responseProblems(operationId, status, headers, body).map(({ where, pointer, expected }) =>
        where === "status"
          ? expected
          : where === "body"
            ? `Response body${pointer ? ` property ${pointer.split("/").filter(Boolean).join(".")}` : ""} ${expected}`
            : `Response header ${pointer} ${expected}`,
      );
    },

    responseProblems,
  };
}

/** One schema for all of an operation's parameters: `{ path: {...}, query: {...} }`. */
function requestSchema(parameters: Parameter[]): Json {
  const part = (where: "path" | "query") => {
    const declared = parameters.filter((parameter) => parameter.in === where);
    return {
      type: "object",
      properties: Object.fromEntries(declared.map((parameter) => [parameter.name, local(parameter.schema)])),
      required: declared.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    };
  };
  for (const parameter of parameters) {
    // Each location's default style, the one read() reads (a path in `form` style is not OpenAPI).
    const expected = parameter.in === "path" ? "simple" : "form";
    if (!["path", "query"].includes(parameter.in) || (parameter.style ?? expected) !== expected || (parameter.schema.type === "array" && parameter.explode !== false)) {
      throw new Error(
        `The mock reads path parameters in the simple style and query parameters in the form style, arrays not exploded: ${parameter.in} parameter ${parameter.name} is not one.`,
      );
    }
  }
  return { type: "object", properties: { path: part("path"), query: part("query") } };
}

/** A parameter's value as its schema types it: a comma-separated list, a number, a boolean, or the text. */
function read(raw: string, parameter: Parameter): unknown {
  const type = parameter.schema.type;
  if (type === "array") return raw.split(",");
  if ((type === "integer" || type === "number") && /^-?\d+(?:\.\d+)?$/.test(raw)) return Number(raw);
  if (type === "boolean" && (raw === "true" || raw === "false")) return raw === "true";
  return raw;
}

/** Ajv's error in Prism's words, which users of Prism know: "Request query parameter limit must be >= 1". */
function requestMessage(error: ErrorObject): string {
  const [where, name, ...rest] = error.instancePath.split("/").filter(Boolean);
  if (!name) return `Request ${where ?? ""} ${error.message ?? "is not valid"}`.replace(/\s+/g, " ");
  // A value that breaks a pattern is quoted (cut short), so that the caller sees what was wrong with it.
  const value = typeof error.data === "string" && error.keyword === "pattern" ? ` (it is ${quote(error.data)})` : "";
  return `Request ${where} parameter ${[name, ...rest].join(".")} ${error.message ?? "is not valid"}${value}`;
}


/** Points `#/components/schemas/X` at Ajv's copy of the components. */
export function local<T>(schema: T): T {
  return JSON.parse(
    JSON.stringify(schema, (key, value: unknown) =>
      key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")
        ? `${componentsId}#/$defs/${value.slice("#/components/schemas/".length)}`
        : value,
    ),
  ) as T;
}
