// Prism's mocker: the description's examples, a forced status, generated data (`Prefer: code=`,
// `example=`, `dynamic=`, and the static mode). It runs in a worker thread (prism-worker.mjs),
// started with the mock: loading Prism takes seconds on a busy machine, and on the main thread it
// would stall every request and signal behind it. `ready` resolves once it is loaded; the mock
// says it serves only then, and a Prefer request that comes earlier waits for it without
// blocking anything else.
import { Worker } from "node:worker_threads";
import { MockError, badRequest, type MockResponse } from "../core/envelope.ts";
import { answers, noSuchStatus, withStatus } from "../core/examples.ts";
import type { Mocker, MockerRequest } from "../core/handler.ts";
import type { Preferences } from "../core/prefer.ts";

/** The most items a generated array has: json-schema-faker would fill every array to its maxItems (100 albums, 139 kB). */
export const generatedArrayItems = 5;

export interface PrismMocker extends Mocker {
  /** What Prism's mocker answers for the operation: an example, a forced status, or generated data. */
  mock(operationId: string, request: MockerRequest, preferences: Preferences): Promise<MockResponse>;
  /** Resolves once Prism is loaded in its worker; rejects, saying why, when it cannot be. */
  readonly ready: Promise<void>;
  /** Ends the worker. */
  close(): Promise<void>;
}

type Reply = { id: number; response?: MockResponse; error?: { message: string; detail?: string } };

const workerUrl = new URL("./prism-worker.mjs", import.meta.url);

/**
 * `lazy`: the worker starts with the first request that needs it, and `ready` resolves at once
 * (nothing is loaded ahead). For test set-ups that never send Prefer: a Prism load each is
 * seconds of CPU on a busy machine. The mock's command and startMock() load it ahead.
 */
export function createPrismMocker(document: object, options: { lazy?: boolean } = {}): PrismMocker {
  const responses = statusesOf(document);
  const pending = new Map<number, { resolve(reply: Reply): void; reject(error: Error): void }>();
  let nextId = 1;
  let failed: Error | undefined;
  let worker: Worker | undefined;
  let loaded: Promise<void> | undefined;

  const start = (): Promise<void> => {
    if (loaded) return loaded;
    const started = new Worker(workerUrl, { workerData: { document, maxItems: generatedArrayItems } });
    // The worker alone must not keep the process alive: close() or the process' exit ends it.
    started.unref();
    worker = started;
    loaded = new Promise<void>((resolve, reject) => {
      started.on("message", (message: Reply | { ready: true }) => {
        if ("ready" in message) return resolve();
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        waiting?.resolve(message);
      });
      const fail = (error: Error) => {
        failed ??= error;
        reject(failed);
        for (const waiting of pending.values()) waiting.reject(failed);
        pending.clear();
      };
      started.on("error", (error) => fail(new Error(`Prism's mocker failed: ${error.message}`)));
      started.on("exit", (code) => fail(new Error(`Prism's mocker stopped (exit ${code}).`)));
    });
    // Awaited by whoever needs it; an unawaited rejection must not end the process.
    loaded.catch(() => undefined);
    return loaded;
  };
  const ready = options.lazy ? Promise.resolve() : start();

  return {
    ready,
    async close() {
      failed ??= new Error("The mock is closing.");
      await worker?.terminate();
    },
    async mock(operationId, request, preferences) {
      try {
        await start();
      } catch (error) {
        throw new MockError(500, "INTERNAL", `The mock could not answer: ${(error as Error).message}`);
      }
      if (failed) throw new MockError(500, "INTERNAL", `The mock could not answer: ${failed.message}`);
      const statuses = responses.get(operationId) ?? [];
      if (preferences.code !== undefined && !answers(preferences.code, statuses)) throw noSuchStatus(operationId, preferences.code, statuses);
      const id = nextId++;
      const reply = await new Promise<Reply>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker?.postMessage({ id, operationId, request, preferences });
      }).catch((error: Error): Reply => ({ id, error: { message: error.message } }));
      if (reply.error) throw explainMockerError(reply.error, operationId, statuses, preferences);
      return withStatus(reply.response as MockResponse);
    },
  };
}

/** Each operation's documented statuses, for the refusal of a `Prefer: code=` it does not have. */
function statusesOf(document: object): Map<string, string[]> {
  const statuses = new Map<string, string[]>();
  for (const item of Object.values((document as { paths?: Record<string, Record<string, unknown>> }).paths ?? {})) {
    for (const operation of Object.values(item)) {
      const { operationId, responses } = (operation ?? {}) as { operationId?: unknown; responses?: object };
      if (typeof operationId === "string" && responses) statuses.set(operationId, Object.keys(responses));
    }
  }
  return statuses;
}

/** Prism's refusals of a Prefer header, in the API's envelope and in the mock's words. */
function explainMockerError(error: { message: string; detail?: string }, operationId: string, statuses: string[], preferences: Preferences): MockError {
  // Prism's ProblemJsonError keeps its title in `message` and the specifics in `detail`.
  const detail = `${error.message} ${error.detail ?? ""}`;
  if (preferences.code !== undefined && /status code/i.test(detail)) {
    return badRequest(`Prefer: code=${preferences.code}, but ${operationId} has no ${preferences.code} response (it has ${statuses.join(", ")}).`);
  }
  if (preferences.example !== undefined && /exampleKey/.test(detail)) {
    return badRequest(`Prefer: example=${preferences.example}, but no response of ${operationId} has an example of that name.`);
  }
  return new MockError(500, "INTERNAL", `The mock could not answer: ${detail.trim()}`);
}
