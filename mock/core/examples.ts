// Answers from the description's own examples, without Prism: `Prefer: code=<status>` (its
// response's first example), `Prefer: example=<name>` (that example, with its response's status),
// and, in the static mode, each operation's first success example. What the MSW handlers use,
// in a browser too, where Prism's worker cannot run; generated data (`dynamic=true`) needs Prism.
import { badRequest, MockError, type MockResponse } from "./envelope.ts";
import type { Mocker } from "./handler.ts";

type Json = Record<string, unknown>;

/** The statuses the `default` response stands for in a `Prefer: code=`: what a gateway in front of the API answers. */
export const gatewayStatuses = [502, 503, 504];

export function createExampleMocker(document: object): Mocker {
  const resolve = (node: unknown): Json => {
    let current = node as Json;
    for (let depth = 0; typeof current?.$ref === "string" && depth < 10; depth++) {
      const path = String(current.$ref).replace(/^#\//, "").split("/");
      current = path.reduce<unknown>((at, key) => (at as Json | undefined)?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], document) as Json;
    }
    return current;
  };
  const operations = new Map<string, Record<string, unknown>>();
  for (const item of Object.values((document as { paths?: Record<string, Json> }).paths ?? {})) {
    for (const operation of Object.values(item)) {
      const { operationId, responses } = (operation ?? {}) as { operationId?: unknown; responses?: Record<string, unknown> };
      if (typeof operationId === "string" && responses) operations.set(operationId, responses);
    }
  }

  const examplesOf = (response: unknown): Array<[name: string, value: unknown]> => {
    const media = (resolve(response).content as Json | undefined)?.["application/json"] as Json | undefined;
    return Object.entries((media?.examples ?? {}) as Json).map(([name, example]) => [name, resolve(example).value]);
  };
  const headersOf = (response: unknown): Record<string, string> =>
    Object.fromEntries(
      Object.entries((resolve(response).headers ?? {}) as Json)
        .map(([name, header]) => [name.toLowerCase(), resolve(header).example] as const)
        .filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );

  return {
    async mock(operationId, _request, preferences) {
      const responses = operations.get(operationId);
      if (!responses) throw new MockError(500, "INTERNAL", `${operationId} is not an operation of the description.`);
      if (preferences.dynamic) throw badRequest("Prefer: dynamic=true generates data with Prism's mocker, which this mock does not load (the MSW handlers): use the mock's server for it.");
      const statuses = Object.keys(responses);
      if (preferences.example !== undefined) {
        for (const [status, response] of Object.entries(responses)) {
          const found = examplesOf(response).find(([name]) => name === preferences.example);
          if (found) return withStatus({ status: status === "default" ? 503 : Number(status), headers: headersOf(response), body: found[1] });
        }
        throw badRequest(`Prefer: example=${preferences.example}, but no response of ${operationId} has an example of that name.`);
      }
      const code = preferences.code ?? Number(statuses.find((status) => status.startsWith("2")));
      const response = !answers(code, statuses) ? undefined : (responses[String(code)] ?? responses.default);
      if (!response) throw noSuchStatus(operationId, code, statuses);
      const [first] = examplesOf(response);
      return withStatus({ status: code, headers: headersOf(response), body: first?.[1] });
    },
  };
}

/** The refusal of a `Prefer: code=` the operation does not answer, listed or through its default. */
export function noSuchStatus(operationId: string, code: number, statuses: string[]): MockError {
  const viaDefault = statuses.includes("default") ? `; default answers ${gatewayStatuses.join(", ")}` : "";
  return badRequest(`Prefer: code=${code}, but ${operationId} has no ${code} response (it has ${statuses.join(", ")}${viaDefault}).`);
}

/** Whether the operation answers `code`: one of its statuses, or a gateway's through its default. */
export function answers(code: number, statuses: string[]): boolean {
  return statuses.includes(String(code)) || (statuses.includes("default") && gatewayStatuses.includes(code));
}

/** The envelope's `status` says the status the answer has (the default response's example is a 503's). */
export function withStatus(response: MockResponse): MockResponse {
  const error = (response.body as { error?: { status?: unknown } } | undefined)?.error;
  if (typeof error?.status !== "string" || error.status === String(response.status)) return response;
  return { ...response, body: { ...(response.body as object), error: { ...error, status: String(response.status) } } };
}
