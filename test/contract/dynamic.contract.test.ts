// Generated responses (`Prefer: dynamic=true`): 50 per operation, each parsed by the client
// without error and valid against the response schema. This exercises the whole schema, not
// just the examples: optional fields present, unknown properties, arrays of any length.
import { describe, expect, it } from "vitest";
import type { AlbumsClient, CallOptions } from "../../src/index.ts";
import { createValidator } from "../spec/support/validator.ts";
import { mockClient, responseSchemaOf, spec } from "./support.ts";

const perOperation = 50;
const validate = createValidator(spec);
const dynamic: CallOptions = { headers: { prefer: "dynamic=true" } };

const calls: Record<string, (client: AlbumsClient) => Promise<unknown>> = {
  getAlbum: (c) => c.getAlbum("B0064UPU4G", dynamic),
  getAlbums: (c) => c.getAlbums(["B0064UPU4G", "B00D3PLC1K"], dynamic),
  getLibraryAlbums: (c) => c.getLibraryAlbums({ limit: 5, ...dynamic }),
  saveLibraryAlbum: (c) => c.saveLibraryAlbum("B091MTJT3P", dynamic),
  removeLibraryAlbum: (c) => c.removeLibraryAlbum("B091MTJT3P", dynamic),
};

describe.each(Object.entries(calls))("%s with generated responses", (operationId, call) => {
  it(`parses ${perOperation} of them, each valid against the schema`, async () => {
    const { client, exchanges } = mockClient();
    for (let i = 0; i < perOperation; i++) await call(client);
    expect(exchanges).toHaveLength(perOperation);
    const schema = responseSchemaOf(operationId, "200");
    const problems = await Promise.all(exchanges.map(async ({ response }) => validate(schema, await response.json())));
    expect(problems.flat()).toEqual([]);
  });
});
