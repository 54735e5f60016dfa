// The client names each request's operation (for its errors) from its method and path: the
// table it uses must be the description's, operation for operation.
import { describe, expect, it } from "vitest";
import { AlbumsInputError } from "../../src/errors.ts";
import { productionBaseUrl } from "../../src/index.ts";
import { operationOf } from "../../src/operations.ts";
import { loadSpec, operations } from "../spec/support/spec.ts";

const base = productionBaseUrl;

describe("operationOf", () => {
  it.each(operations(loadSpec()).map(({ path, method, operation }) => [String(operation.operationId), method, path] as const))(
    "names %s from %s %s, as the description does",
    (operationId, method, path) => {
      const url = base + path.replace("{id}", "B0064UPU4G") + (path === "/albums" ? "?ids=B0064UPU4G" : "");
      expect(operationOf(new Request(url, { method: method.toUpperCase() }), base)).toBe(operationId);
    },
  );

  it("refuses a request that is no operation of the description", () => {
    expect(() => operationOf(new Request(`${base}/artists/B000S9ULT8`), base)).toThrow(AlbumsInputError);
    expect(() => operationOf(new Request(`${base}/albums`, { method: "POST" }), base)).toThrow(/^POST \/albums is not an operation/);
  });

  // Each route matches a whole path: one that only begins or ends like an operation's is none.
  it.each([
    ["GET", "/albums/B0064UPU4G/tracks"],
    ["GET", "/v2/albums/B0064UPU4G"],
    ["GET", "/albumsX"],
    ["GET", "/v2/me/library/albums"],
    ["GET", "/me/library/albums/B0064UPU4G"],
    ["PUT", "/v2/me/library/albums/B0064UPU4G"],
    ["PUT", "/me/library/albums/B0064UPU4G/x"],
    ["DELETE", "/v2/me/library/albums/B0064UPU4G"],
    ["DELETE", "/me/library/albums/B0064UPU4G/x"],
  ])("refuses %s %s, which only looks like an operation", (method, path) => {
    expect(() => operationOf(new Request(`${base}${path}`, { method }), base)).toThrow(`${method} ${path} is not an operation of the Albums API.`);
  });
});
