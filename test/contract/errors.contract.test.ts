// Every documented error status of every operation, forced with `Prefer: code=`, comes back from
// the client as an AlbumsApiError with the status, code and message of the description's example.
import { describe, expect, inject, it } from "vitest";
import { AlbumsApiError, type AlbumsClient, type CallOptions } from "../../src/index.ts";
import type { JsonObject } from "../spec/support/spec.ts";
import { credentials, errorStatuses, examplesOf, mockClient } from "./support.ts";

const calls: Record<string, (client: AlbumsClient, options: CallOptions) => Promise<unknown>> = {
  getAlbum: (c, o) => c.getAlbum("B0064UPU4G", o),
  getAlbums: (c, o) => c.getAlbums(["B0064UPU4G", "B00D3PLC1K"], o),
  getLibraryAlbums: (c, o) => c.getLibraryAlbums({ limit: 10, ...o }),
  saveLibraryAlbum: (c, o) => c.saveLibraryAlbum("B091MTJT3P", o),
  removeLibraryAlbum: (c, o) => c.removeLibraryAlbum("B091MTJT3P", o),
};

const cases = Object.keys(calls).flatMap((operationId) =>
  errorStatuses(operationId).flatMap((status) =>
    examplesOf(operationId, status).map(({ name, value }) => ({ operationId, status, name, error: value.error as JsonObject })),
  ),
);

describe("documented errors", () => {
  it("are all exercised: every operation has its error statuses", () => {
    expect(Object.fromEntries(Object.keys(calls).map((id) => [id, errorStatuses(id)]))).toEqual({
      getAlbum: ["400", "401", "403", "404", "429", "500"],
      getAlbums: ["400", "401", "403", "404", "429", "500"],
      getLibraryAlbums: ["400", "401", "403", "429", "500"],
      saveLibraryAlbum: ["400", "401", "403", "404", "429", "500"],
      removeLibraryAlbum: ["400", "401", "403", "404", "429", "500"],
    });
  });

  it.each(cases.map((c) => [`${c.operationId} ${c.status} ${c.name}`, c] as const))("%s", async (_, c) => {
    // One attempt: the mock answers every try with the status asked for; retries are test/faults' subject.
    const { client } = mockClient({ retry: false });
    const call = calls[c.operationId] as (typeof calls)[string];
    const error = await call(client, { headers: { prefer: `code=${c.status}, example=${c.name}` } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlbumsApiError);
    expect(error).toMatchObject({ status: Number(c.status), code: c.error.code, operation: c.operationId });
    expect((error as AlbumsApiError).message).toContain(String(c.error.message));
    if (c.status === "429") expect(error).toMatchObject({ retryAfterMs: 2000, headers: { "retry-after": "2" } });
  });
});

describe("requests without both credentials", () => {
  it.each([
    ["no credentials", {}],
    ["only the API key", { "x-api-key": credentials.apiKey }],
    ["only the bearer token", { authorization: `Bearer ${credentials.accessToken}` }],
  ])("get 401 from the mock, on every operation: %s", async (_, headers) => {
    const base = inject("mockUrl");
    const requests: Array<[string, string]> = [
      ["GET", "/albums/B0064UPU4G"],
      ["GET", "/albums?ids=B0064UPU4G,B00D3PLC1K"],
      ["GET", "/me/library/albums"],
      ["PUT", "/me/library/albums/B091MTJT3P"],
      ["DELETE", "/me/library/albums/B091MTJT3P"],
    ];
    const statuses = await Promise.all(
      requests.map(async ([method, path]) => (await fetch(base + path, { method, headers })).status),
    );
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
  });
});
