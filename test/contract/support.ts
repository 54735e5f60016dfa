// What the contract tests share: a client pointed at the mock that records what was sent and
// what came back, the description's examples to compare the answers with, and the realistic
// shapes (mock/realistic.overlay.yaml) that every answer of our mock must keep to.
import { inject } from "vitest";
import { realisticDocument } from "../../mock/node/realistic.ts";
import { createAlbumsClient, type AlbumsClientOptions } from "../../src/index.ts";
import { deref, loadSpec, operations, type JsonObject } from "../spec/support/spec.ts";
import { createValidator } from "../spec/support/validator.ts";

export const spec = loadSpec();
/** The description with the realistic shapes put back: stricter than the published one. */
export const realistic = (await realisticDocument(spec)) as JsonObject;
const validateRealistic = createValidator(realistic);

export const credentials = { apiKey: "amzn1.application.contract-test", accessToken: "contract-test-token" };

export interface Exchange {
  request: Request;
  response: Response;
}

export function mockClient(options: Partial<AlbumsClientOptions> = {}, baseUrl: string = inject("mockUrl")) {
  const exchanges: Exchange[] = [];
  const client = createAlbumsClient({
    ...credentials,
    ...options,
    baseUrl,
    fetch: async (request) => {
      const response = await fetch(request.clone());
      exchanges.push({ request, response: response.clone() });
      return response;
    },
  });
  return { client, exchanges };
}

export function operationById(operationId: string): JsonObject {
  const found = operations(spec).find(({ operation }) => operation.operationId === operationId);
  if (!found) throw new Error(`No operation ${operationId}`);
  return found.operation;
}

/** The named examples of an operation's response with that status, in the description's order. */
export function examplesOf(operationId: string, status: string): Array<{ name: string; value: JsonObject }> {
  const response = deref(spec, (operationById(operationId).responses as JsonObject)[status]) as JsonObject;
  const media = (response.content as JsonObject)["application/json"] as JsonObject;
  return Object.entries(media.examples as JsonObject).map(([name, example]) => ({
    name,
    value: (deref(spec, example) as JsonObject).value as JsonObject,
  }));
}

export function responseSchemaOf(operationId: string, status: string): JsonObject {
  const response = deref(spec, (operationById(operationId).responses as JsonObject)[status]) as JsonObject;
  return ((response.content as JsonObject)["application/json"] as JsonObject).schema as JsonObject;
}

/** What is wrong with a body of that operation and status, against the realistic shapes; empty when nothing. */
export function realisticViolations(operationId: string, status: string, body: unknown): string[] {
  return validateRealistic(responseSchemaOf(operationId, status), body);
}

export const errorStatuses = (operationId: string) =>
  Object.keys(operationById(operationId).responses as JsonObject).filter((status) => Number(status) >= 400);
