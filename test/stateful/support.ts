// The stateful tests' mock: in this test file's own process (so that mutation testing sees the
// mock's code run), in its default, realistic mode, with a clock the tests drive; and clients of
// it, each a user of its own (each bearer token has its own library) with an API key of its own
// (each key has its own rate limit), recording every status.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import type { ProviderOptions } from "../../mock/core/provider.ts";
import { createAlbumsClient, type AlbumsClientOptions } from "../../src/index.ts";
import { startMock, type RunningMock, mockStartBudgetMs } from "../support/mock.ts";

/** Milliseconds on the mock's rate-limit clock: moved only by the tests. */
export const clock = { now: 0 };

let running: RunningMock | undefined;

export function useMock(provider: Partial<ProviderOptions> = {}): () => RunningMock {
  beforeAll(async () => {
    // No Prefer here: Prism's mocker is not loaded.
    running = await startMock({ provider: { now: () => clock.now, ...provider }, lazyPrism: true });
  }, mockStartBudgetMs);
  afterAll(() => running?.close());
  return () => {
    if (!running) throw new Error("the mock is not running: call useMock() at the top of the test file");
    return running;
  };
}

export function userClient(options: Partial<AlbumsClientOptions> = {}) {
  const statuses: number[] = [];
  const client = createAlbumsClient({
    apiKey: `amzn1.application.${randomUUID()}`,
    accessToken: `user-${randomUUID()}`,
    baseUrl: running?.url ?? "http://127.0.0.1:1",
    fetch: async (request) => {
      const response = await fetch(request);
      statuses.push(response.status);
      return response;
    },
    ...options,
  });
  return { client, statuses };
}
