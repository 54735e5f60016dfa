// Every request and every answer of the mock, checked against the description with Ajv (JSON
// Schema 2020-12, the dialect of OpenAPI 3.1), each operation's schemas compiled once. Prism's
// own validators did this too, at about 50 µs a request: more than the provider's whole work,
// which halved what the mock could serve. Parameters are read as the description declares them
// (path and query; `form` arrays split on commas, numbers and booleans read from their text);
// a parameter of another kind or style fails the mock's start rather than go unchecked.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { quote } from "./envelope.ts";
import { operationMethods } from "./routes.ts";

// ajv-formats is CommonJS: its default export arrives wrapped under Node's ESM interop.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

type Json = Record<string, unknown>;

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
  /** What is wrong with the answer; empty when nothing. */
  response(operationId: string, status: number, headers: Record<string, string>, body: unknown): string[];
}

const componentsId = "urn:albums-mock:components";

export function createValidation(document: object): Validation {
  const { paths, components: found } = document as { paths?: Record<string, Json>; components?: Record<string, Record<string, Json>> };
  const components = found ?? {};
  // verbose: an error carries the value it is about, which a refusal quotes.
  const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: true, verbose: true });
  addFormats(ajv);
  // Annotations of the description, not constraints.
  ajv.addKeyword({ keyword: "x-extensible-enum", schemaType: "array" });
  ajv.addKeyword({ keyword: "example" });
  ajv.addSchema({ $id: componentsId, $defs: local(components.schemas ?? {}) });

  const resolve = <T>(node: unknown): T => {
    let current = node as Json;
    while (typeof current.$ref === "string") {
      const [, kind, name] = /^#\/components\/([^/]+)\/([^/]+)$/.exec(current.$ref) ?? [];
      if (!kind || !name || !components[kind]?.[name]) throw new Error(`The mock cannot follow the $ref ${current.$ref}.`);
      current = components[kind][name] as Json;
    }
    return current as T;
  };

  // Each operation's validators are compiled when it is first asked for: compiling them all
  // would add a fifth of a second to every start.
  const declarations = new Map<string, { parameters: Parameter[]; responses: Record<string, unknown> }>();
  for (const item of Object.values(paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operationMethods.includes(method)) continue;
      const op = operation as Json;
      const parameters = [...((item.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])].map((p) => resolve<Parameter>(p));
      // A parameter the mock cannot read fails the start, not the first request.
      requestSchema(parameters);
      declarations.set(String(op.operationId), { parameters, responses: (op.responses ?? {}) as Record<string, unknown> });
    }
  }
  const compiled = new Map<string, { request: ValidateFunction; parameters: Parameter[]; responses: Map<string, CompiledResponse> }>();
  const compile = (operationId: string) => {
    const declared = declarations.get(operationId);
    if (!declared) throw new Error(`${operationId} is not an operation of the description.`);
    const responses = new Map<string, CompiledResponse>();
    for (const [status, response] of Object.entries(declared.responses)) {
      const { content, headers } = resolve<{ content?: Record<string, { schema?: Json }>; headers?: Record<string, unknown> }>(response);
      const schema = content?.["application/json"]?.schema;
      responses.set(status, {
        body: schema ? ajv.compile(local(schema)) : undefined,
        headers: Object.entries(headers ?? {}).map(([name, header]) => {
          const resolved = resolve<{ required?: boolean; schema: Json }>(header);
          return { name: name.toLowerCase(), required: resolved.required ?? false, check: ajv.compile(local(resolved.schema)) };
        }),
      });
    }
    const operation = { request: ajv.compile(requestSchema(declared.parameters)), parameters: declared.parameters, responses };
    compiled.set(operationId, operation);
    return operation;
  };

  const find = (operationId: string) => compiled.get(operationId) ?? compile(operationId);

  return {
    queryParameter: (operationId, name) => declarations.get(operationId)?.parameters.find((parameter) => parameter.in === "query" && parameter.name === name),

    request(operationId, values) {
      const { request, parameters } = find(operationId);
      const input = { path: {} as Record<string, unknown>, query: {} as Record<string, unknown> };
      for (const parameter of parameters) {
        const raw = (parameter.in === "path" ? values.path : values.query)[parameter.name];
        if (raw !== undefined) input[parameter.in as "path" | "query"][parameter.name] = read(raw, parameter);
      }
      return request(input) ? [] : (request.errors ?? []).map(requestMessage);
    },

    response(operationId, status, headers, body) {
      const { responses } = find(operationId);
      const response = responses.get(String(status)) ?? responses.get("default");
      if (!response) return [`${status} is not a response of ${operationId} (it has ${[...responses.keys()].join(", ")})`];
      const problems: string[] = [];
      if (response.body && !response.body(body)) problems.push(...(response.body.errors ?? []).map((error) => describe("Response body", error)));
      for (const header of response.headers) {
        const value = headers[header.name];
        if (value === undefined) {
          if (header.required) problems.push(`Response header ${header.name} is missing`);
        } else if (!header.check(value)) {
          problems.push(...(header.check.errors ?? []).map((error) => describe(`Response header ${header.name}`, error)));
        }
      }
      return problems;
    },
  };
}

interface CompiledResponse {
  body: ValidateFunction | undefined;
  headers: Array<{ name: string; required: boolean; check: ValidateFunction }>;
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

function describe(what: string, error: ErrorObject): string {
  const at = error.instancePath.split("/").filter(Boolean).join(".");
  return `${what}${at ? ` property ${at}` : ""} ${error.message ?? "is not valid"}`;
}

/** Points `#/components/schemas/X` at Ajv's copy of the components. */
function local<T>(schema: T): T {
  return JSON.parse(
    JSON.stringify(schema, (key, value: unknown) =>
      key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")
        ? `${componentsId}#/$defs/${value.slice("#/components/schemas/".length)}`
        : value,
    ),
  ) as T;
}
