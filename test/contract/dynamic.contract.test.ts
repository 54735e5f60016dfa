// Generated responses (`Prefer: dynamic=true`): what the client RETURNS for each is valid against
// the realistic shapes of the description, for every operation. This exercises the whole
// schema, not just the examples: optional fields present, arrays of any length up to the mock's
// bound. The calls run a few at a time, and the test's budget is sized for a loaded machine.
import { describe, expect, it } from "vitest";
import type { AlbumsClient, CallOptions } from "../../src/index.ts";
import { mockClient, realisticViolations } from "./support.ts";

const perOperation = 20;
const dynamic: CallOptions = { headers: { prefer: "dynamic=true" } };

/** Each call, and the body of the response it stands for, rebuilt from what the client returned. */
const calls: Record<string, (client: AlbumsClient) => Promise<unknown>> = {
  getAlbum: async (c) => ({ data: { album: await c.getAlbum("B0064UPU4G", dynamic) } }),
  getAlbums: async (c) => ({ data: { albums: await c.getAlbums(["B0064UPU4G", "B00D3PLC1K"], dynamic) } }),
  getLibraryAlbums: async (c) => ({ data: { user: { id: "u0", libraryAlbums: await c.getLibraryAlbums({ limit: 5, ...dynamic }) } } }),
  saveLibraryAlbum: async (c) => ({ data: { saveAlbum: await c.saveLibraryAlbum("B091MTJT3P", dynamic) } }),
  removeLibraryAlbum: async (c) => ({ data: { removeAlbum: await c.removeLibraryAlbum("B091MTJT3P", dynamic) } }),
};

describe.each(Object.entries(calls))("%s with generated responses", (operationId, call) => {
  it(`returns ${perOperation} of them, each valid against the realistic shapes`, { timeout: 60_000 }, async () => {
    const { client, exchanges } = mockClient();
    const returned: unknown[] = [];
    for (let batch = 0; batch < perOperation / 5; batch++) {
      returned.push(...(await Promise.all(Array.from({ length: 5 }, () => call(client)))));
    }
    expect(exchanges.map((exchange) => exchange.response.status)).toEqual(Array(perOperation).fill(200));
    const problems = returned.flatMap((body) => realisticViolations(operationId, "200", body));
    expect(problems).toEqual([]);
  });
});
