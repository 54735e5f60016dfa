// Prism's mocker, in this process: the description's examples, a forced status, generated data
// (`Prefer: code=`, `example=`, `dynamic=`, and the static mode). Prism's reading of the
// description and its mocker pull in json-schema-faker, faker and a JSON Schema toolchain (about
// a second), so they are loaded when the first request needs them, or when `preload()` is called
// once the mock is serving: the realistic mode starts without them.
import { createRequire } from "node:module";
import type { IHttpRequest, IHttpResponse } from "@stoplight/prism-http";
import type { IHttpOperation } from "@stoplight/types";
import { MockError, badRequest, type MockResponse } from "./envelope.ts";
import type { Preferences } from "./prefer.ts";

/** The most items a generated array has: json-schema-faker would fill every array to its maxItems (100 albums, 139 kB). */
export const generatedArrayItems = 5;

export interface PrismMocker {
  /** What Prism's mocker answers for the operation: an example, a forced status, or generated data. */
  mock(operationId: string, request: IHttpRequest, preferences: Preferences): Promise<MockResponse>;
  /** Loads Prism now rather than on the first request that needs it. */
  preload(): Promise<void>;
}

// The module is CommonJS with `exports.default`, required (not imported) where it is needed.
type MockFunction = (typeof import("@stoplight/prism-http/dist/mocker/index.js"))["default"];

interface Loaded {
  operations: Map<string, IHttpOperation>;
  mock: MockFunction;
}

const require = createRequire(import.meta.url);

export function createPrismMocker(document: object): PrismMocker {
  let loaded: Promise<Loaded> | undefined;
  const load = () => (loaded ??= loadPrism(document));

  return {
    preload: async () => void (await load()),
    async mock(operationId, request, preferences) {
      const { operations, mock } = await load();
      const operation = operations.get(operationId) as IHttpOperation;
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
      })(silentLogger as never);
      if (result._tag === "Left") throw explainMockerError(result.left, operation, preferences);
      return fromPrism(result.right);
    },
  };
}

async function loadPrism(document: object): Promise<Loaded> {
  const { getHttpOperationsFromSpec } = require("@stoplight/prism-http/dist/utils/operations.js") as typeof import("@stoplight/prism-http/dist/utils/operations.js");
  const { default: mock } = require("@stoplight/prism-http/dist/mocker/index.js") as { default: MockFunction };
  // The json-schema-faker instance Prism itself uses, found from Prism's own folder.
  const fromPrism = createRequire(require.resolve("@stoplight/prism-http"));
  const { JSONSchemaFaker } = fromPrism("json-schema-faker") as { JSONSchemaFaker: { option(name: string, value: unknown): void } };
  JSONSchemaFaker.option("maxItems", generatedArrayItems);
  // Prism dereferences the document it is given, in place: it gets a copy.
  const operations = await getHttpOperationsFromSpec(structuredClone(document));
  return { operations: new Map(operations.map((operation) => [String(operation.iid), operation])), mock };
}

/** Prism logs through pino; the mock logs one line per request itself. */
interface PrismLogger {
  child(): PrismLogger;
  [level: string]: (...args: unknown[]) => unknown;
}
const silentLogger: PrismLogger = new Proxy({} as PrismLogger, {
  get: (_, name) => (name === "child" ? () => silentLogger : () => undefined),
});

function fromPrism(response: IHttpResponse): MockResponse {
  const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
  return { status: response.statusCode, headers, body: response.body };
}

/** Prism's refusals of a Prefer header, in the API's envelope and in the mock's words. */
function explainMockerError(error: Error & { detail?: string }, operation: IHttpOperation, preferences: Preferences): MockError {
  const statuses = operation.responses.map((response) => response.code).join(", ");
  // Prism's ProblemJsonError keeps its title in `message` and the specifics in `detail`.
  const detail = `${error.message} ${error.detail ?? ""}`;
  if (preferences.code !== undefined && /status code/i.test(detail)) {
    return badRequest(`Prefer: code=${preferences.code}, but ${operation.iid} has no ${preferences.code} response (it has ${statuses}).`);
  }
  if (preferences.example !== undefined && /exampleKey/.test(detail)) {
    return badRequest(`Prefer: example=${preferences.example}, but no response of ${operation.iid} has an example of that name.`);
  }
  return new MockError(500, "INTERNAL", `The mock could not answer: ${detail.trim()}`);
}
