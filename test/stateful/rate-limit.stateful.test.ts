// The rate limit, on the mock's own clock (the tests move it): no outcome here depends on how
// fast the machine sends requests.
import { describe, expect, it } from "vitest";
import { clock, useMock, userClient } from "./support.ts";

// Three requests at once per API key, one more a second.
const mock = useMock({ rateLimit: { capacity: 3, perSecond: 1, maxKeys: 100 } });

describe("the rate limit", () => {
  it("the request past the bucket gets 429 THROTTLED with Retry-After, in the envelope", async () => {
    const headers = { "x-api-key": "amzn1.application.rate-limit", authorization: "Bearer rate-limit-user" };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${mock().url}/albums/B0064UPU4G`, { headers })).status);
    const throttled = await fetch(`${mock().url}/albums/B0064UPU4G`, { headers });
    expect(statuses).toEqual([200, 200, 200]);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("1");
    expect(await throttled.json()).toEqual({ error: { status: "429", code: "THROTTLED", message: "Rate exceeded." } });

    // A second later on the mock's clock, one request goes through again, and only one.
    clock.now += 1000;
    expect((await fetch(`${mock().url}/albums/B0064UPU4G`, { headers })).status).toBe(200);
    expect((await fetch(`${mock().url}/albums/B0064UPU4G`, { headers })).status).toBe(429);
  });

  it("a burst over it is absorbed by the client's retries, waiting what Retry-After asks", { timeout: 30_000 }, async () => {
    const { client, statuses } = userClient({
      // The wait Retry-After asks for passes on the mock's clock the moment the client is told.
      fetch: async (request) => {
        const response = await fetch(request);
        statuses.push(response.status);
        if (response.status === 429) clock.now += 1000 * Number(response.headers.get("retry-after"));
        return response;
      },
    });
    const albums = await Promise.all(Array.from({ length: 5 }, () => client.getAlbum("B0064UPU4G")));
    expect(albums.map((album) => album.id)).toEqual(Array(5).fill("B0064UPU4G"));
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
  });
});
