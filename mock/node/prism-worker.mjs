// @ts-check
// Prism's mocker, in a worker thread of the mock (see prism.ts). Loading it (json-schema-faker,
// faker, a JSON Schema toolchain) takes a second on an idle machine and several on a busy one,
// and generating data takes CPU: on the mock's main thread either would stall every request and
// every signal behind it. Plain JavaScript, so that Node runs it without a loader, from this
// repository and from the mock's package alike.
import { parentPort, workerData } from "node:worker_threads";
import operationsModule from "@stoplight/prism-http/dist/utils/operations.js";
import mockerModule from "@stoplight/prism-http/dist/mocker/index.js";

const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);
const { document, maxItems } = /** @type {{ document: object; maxItems: number }} */ (workerData);

// The modules are CommonJS; the mocker's function is its `exports.default`.
const { getHttpOperationsFromSpec } = operationsModule;
const mock = mockerModule.default;
/**
 * json-schema-faker fills every array to its maxItems (100 albums, 139 kB): the worker's copy of
 * the document caps each array's. (Its own `maxItems` option would do the same, but on the
 * instance Prism requires, which an ESM import or a build may not share.)
 * @param {unknown} node
 */
function capArrays(node) {
  if (Array.isArray(node)) return node.forEach(capArrays);
  if (typeof node !== "object" || node === null) return;
  const schema = /** @type {Record<string, unknown>} */ (node);
  if (schema.type === "array") schema.maxItems = Math.min(typeof schema.maxItems === "number" ? schema.maxItems : maxItems, maxItems);
  for (const [key, value] of Object.entries(schema)) if (key !== "examples" && key !== "example") capArrays(value);
}
capArrays(document);

/** Prism logs through pino; the mock logs one line per request itself. */
/** @type {any} */
const silentLogger = new Proxy({}, { get: (_, name) => (name === "child" ? () => silentLogger : () => undefined) });

// The document arrived as a structured clone: Prism may dereference it in place.
const operations = new Map((await getHttpOperationsFromSpec(document)).map((operation) => [String(operation.iid), operation]));

/**
 * @param {{ operationId: string; request: import("@stoplight/prism-http").IHttpRequest; preferences: { code?: number; example?: string; dynamic?: boolean; seed?: string } }} job
 */
function answer({ operationId, request, preferences }) {
  const operation = operations.get(operationId);
  if (!operation) return { error: { message: `${operationId} is not an operation of the description.` } };
  const result = mock({
    resource: operation,
    // The request was validated already: Prism must not pick an error response for it.
    input: { data: request, validations: [] },
    config: {
      dynamic: preferences.dynamic ?? false,
      ...(preferences.seed === undefined ? {} : { seed: preferences.seed }),
      ...(preferences.code === undefined ? {} : { code: preferences.code }),
      ...(preferences.example === undefined ? {} : { exampleKey: preferences.example }),
      // Only JSON is described: the Accept header must not make Prism refuse to answer.
      mediaTypes: ["application/json"],
    },
  })(silentLogger);
  if (result._tag === "Left") {
    // Prism's ProblemJsonError keeps its title in `message` and the specifics in `detail`.
    const { message, detail } = /** @type {Error & { detail?: unknown }} */ (result.left);
    return { error: { message: String(message), detail: detail === undefined ? undefined : String(detail) } };
  }
  const { statusCode, headers, body } = result.right;
  return { response: { status: statusCode, headers: Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)])), body } };
}

port.on("message", (/** @type {{ id: number } & Parameters<typeof answer>[0]} */ job) => {
  let reply;
  try {
    reply = answer(job);
  } catch (error) {
    reply = { error: { message: error instanceof Error ? error.message : String(error) } };
  }
  port.postMessage({ id: job.id, ...reply });
});
port.postMessage({ ready: true, operations: [...operations.keys()] });
