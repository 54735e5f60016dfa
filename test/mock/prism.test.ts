// Prism's mocker as the mock uses it (Prefer: code=, example=, dynamic=, seed=, and the static
// mode): examples as the description has them, generated data of the realistic shapes and a sane
// size, the same data for the same seed, headers as the mock sends them, and Prism's refusals
// in the mock's words.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MockerRequest } from "../../mock/core/handler.ts";
import { MockError } from "../../mock/core/envelope.ts";
import { createPrismMocker, generatedArrayItems, type PrismMocker } from "../../mock/node/prism.ts";
import { realisticDocument } from "../../mock/node/realistic.ts";
import { bundlePath, startMock, type RunningMock, mockStartBudgetMs } from "../support/mock.ts";

const bundle = JSON.parse(readFileSync(bundlePath, "utf8")) as { components: { examples: Record<string, { value: unknown }> } };
const request = (path: string, query: Record<string, string> = {}): MockerRequest => ({ method: "get", url: { path, query }, headers: { accept: "text/html" } });
const getAlbums = request("/albums", { ids: "B0064UPU4G,B00D3PLC1K" });
type Albums = { data: { albums: Array<{ id: string; url: string }> } };

let prism: PrismMocker;
beforeAll(async () => {
  prism = createPrismMocker(await realisticDocument(bundle));
  await prism.ready;
}, mockStartBudgetMs);
afterAll(() => prism.close());

describe("Prism's mocker, as the mock uses it", () => {
  it("answers a forced status with its example, as the description has it, whatever the Accept header", async () => {
    expect(await prism.mock("getAlbums", getAlbums, { code: 404 })).toEqual({ status: 404, headers: { "content-type": "application/json" }, body: bundle.components.examples.ErrorResourceNotFound?.value });
  });

  it("gives the headers of the answer in lower case, Retry-After with a 429", async () => {
    const answer = await prism.mock("getAlbums", getAlbums, { code: 429 });
    expect(answer).toMatchObject({ status: 429, headers: { "retry-after": "2" }, body: bundle.components.examples.ErrorThrottled?.value });
  });

  it("generates data of the realistic shapes, at most a few items to an array", async () => {
    const { body } = await prism.mock("getAlbums", getAlbums, { dynamic: true });
    const { albums } = (body as Albums).data;
    expect(albums.length).toBeGreaterThanOrEqual(1);
    expect(albums.length).toBeLessThanOrEqual(generatedArrayItems);
    for (const album of albums) {
      expect(album.id).toMatch(/^[A-Z0-9]{10}$/);
      expect(album.url).toMatch(/^https:\/\/[a-z0-9.-]+\//);
    }
  });

  it("generates the same data for the same seed, other data for another", async () => {
    const generated = async (seed: string) => (await prism.mock("getAlbums", getAlbums, { dynamic: true, seed })).body;
    const [first, again, other] = [await generated("7"), await generated("7"), await generated("8")];
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });
});

describe("Prism's refusals, in the mock's words", () => {
  // An operation whose only answer is not JSON: Prism cannot answer it at all.
  const textOnly = {
    openapi: "3.1.0",
    info: { title: "Text only", version: "1" },
    paths: { "/text": { get: { operationId: "getText", responses: { "200": { description: "", content: { "text/plain": { schema: { type: "string" }, example: "hi" } } } } } } },
  };
  let textPrism: PrismMocker;
  beforeAll(async () => {
    textPrism = createPrismMocker(textOnly);
    await textPrism.ready;
  }, mockStartBudgetMs);
  afterAll(() => textPrism.close());

  const failure = async (preferences: object) => {
    try {
      await textPrism.mock("getText", request("/text"), preferences);
    } catch (error) {
      expect(error).toBeInstanceOf(MockError);
      return { status: (error as MockError).status, code: (error as MockError).code, message: (error as MockError).message };
    }
    throw new Error("Prism answered");
  };

  it("a status the operation does not have is the client's mistake: 400", async () => {
    expect(await failure({ code: 404 })).toEqual({ status: 400, code: "BAD_REQUEST", message: "Prefer: code=404, but getText has no 404 response (it has 200)." });
  });

  it("anything else is the mock's: 500 with Prism's reason, whatever the Prefer header asked", async () => {
    const reason = "The server cannot produce a representation for your accept header Unable to find content for application/json";
    expect(await failure({})).toEqual({ status: 500, code: "INTERNAL", message: `The mock could not answer: ${reason}` });
    expect(await failure({ example: "hello" })).toEqual({ status: 500, code: "INTERNAL", message: `The mock could not answer: ${reason}` });
    // Prism's own Error, without the detail of its problem+json errors.
    expect(await failure({ code: 200 })).toEqual({
      status: 500,
      code: "INTERNAL",
      message: expect.stringMatching(/^The mock could not answer: https:\/\/stoplight\.io\/prism\/errors#NOT_ACCEPTABLE: .* We tried default response, but we got https:\/\/\S+: The server cannot produce a representation for your accept header$/),
    });
  });
});

describe("the static mode with --dynamic", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ mode: "static", dynamic: true });
  }, mockStartBudgetMs);
  afterAll(() => mock.close());

  it("generates every answer instead of giving the example", async () => {
    const response = await fetch(`${mock.url}/albums?ids=B0064UPU4G,B00D3PLC1K`, { headers: { "x-api-key": "k", authorization: "Bearer t" } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Albums;
    expect(body).not.toEqual(bundle.components.examples.AlbumsDiscoveryAndAroundTheWorld?.value);
    expect(body.data.albums.length).toBeLessThanOrEqual(generatedArrayItems);
  });
});
