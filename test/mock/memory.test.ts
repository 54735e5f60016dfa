// Bounded memory: 100,000 requests, each with a token and an API key never seen before (long
// ones, as real tokens are), half of them saves. Reads create no state; libraries and rate-limit
// buckets are capped (least recently used forgotten first), so the heap after a garbage
// collection stays within a bound whatever the traffic. The bound is on bytes, not on time.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock, mockStartBudgetMs } from "../support/mock.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const requests = 100_000;
const caps = { maxUsers: 1000, rateLimit: { capacity: 300, perSecond: 150, maxKeys: 1000 } };
/** Far below what 50,000 libraries and 100,000 buckets hold (55 MiB measured without the caps). */
const boundBytes = 24 * 1024 * 1024;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe("the mock's memory", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ provider: caps, lazyPrism: true });
  }, mockStartBudgetMs);
  afterAll(() => mock.close());

  const padding = "x".repeat(1024);
  const send = (i: number, method: "GET" | "PUT") =>
    fetch(`${mock.url}/me/library/albums${method === "PUT" ? "/B0064UPU4G" : ""}`, {
      method,
      headers: { "x-api-key": `amzn1.application.${i}.${padding}`, authorization: `Bearer token-${i}-${padding}` },
    }).then(async (response) => {
      await response.arrayBuffer();
      return response.status;
    });

  async function run(count: number, methodOf: (i: number) => "GET" | "PUT", offset: number): Promise<number[]> {
    const statuses: number[] = [];
    const inFlight = 16;
    for (let i = 0; i < count; i += inFlight) {
      statuses.push(...(await Promise.all(Array.from({ length: Math.min(inFlight, count - i) }, (_, j) => send(offset + i + j, methodOf(i + j))))));
    }
    return statuses;
  }

  it("reads create no library", { timeout: 120_000 }, async () => {
    const statuses = await run(2000, () => "GET", 0);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(mock.mock.provider?.state().users).toBe(0);
  });

  it(`${requests} requests with new tokens and keys leave the heap within its bound`, { timeout: 600_000 }, async () => {
    const before = heapAfterGc();
    const statuses = await run(requests, (i) => (i % 2 === 0 ? "PUT" : "GET"), 10_000);
    const grown = heapAfterGc() - before;
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(mock.mock.provider?.state()).toEqual({ users: caps.maxUsers, apiKeys: caps.rateLimit.maxKeys });
    expect(grown).toBeLessThan(boundBytes);
  });
});
