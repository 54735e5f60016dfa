// The router on its own: every HTTP method a path item can have, the methods a path has (what a
// CORS preflight is told), and the trailing-slash hint given only when it is the answer.
import { describe, expect, it } from "vitest";
import { MockError } from "../../mock/core/envelope.ts";
import { createRouter } from "../../mock/core/routes.ts";

const methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
// Made in each test, so that a router that cannot be made fails a test rather than the file's import.
const router = () => createRouter({
  paths: {
    "/things/{id}": {
      parameters: [],
      summary: "Not an operation",
      ...Object.fromEntries(methods.map((method) => [method, { operationId: `${method}Thing` }])),
    },
    "/albums": { get: { operationId: "getAlbums" } },
  },
});

function refusal(method: string, pathname: string): MockError {
  try {
    router().find(method, pathname);
  } catch (error) {
    return error as MockError;
  }
  throw new Error(`${method} ${pathname} was routed`);
}

describe("the router", () => {
  it("routes every method a path item can have, and nothing else of the item", () => {
    for (const method of methods) {
      expect(router().find(method.toUpperCase(), "/things/a%20b")).toEqual({ operationId: `${method}Thing`, path: { id: "a b" }, template: "/things/{id}" });
    }
    expect(router().methods("/things/x")).toEqual(methods.map((method) => method.toUpperCase()));
  });

  it("knows no method of a path the API does not have", () => {
    expect(router().methods("/artists/x")).toEqual([]);
  });

  it("suggests leaving out a trailing slash only when that names a path", () => {
    expect(refusal("GET", "/albums/").message).toMatch(/ \(without the trailing slash: \/albums\)\. Its paths: /);
    for (const pathname of ["/albumsX", "/", "/artists/"]) {
      expect(refusal("GET", pathname)).toMatchObject({ status: 404, message: expect.not.stringContaining("trailing slash") });
    }
  });
});
