// The provider on its own, for what the stack's proxy never lets through to it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvider } from "../../mock/provider.ts";

const provider = createProvider();
let base = "";
beforeAll(async () => {
  base = await provider.listen({ host: "127.0.0.1", port: 0 });
});
afterAll(() => provider.close());

const headers = { "x-api-key": "amzn1.application.provider", authorization: "Bearer provider-user" };

describe("the provider", () => {
  // Found by Schemathesis: an undeclared method was a 500.
  it.each([
    ["POST", "/albums/B0064UPU4G", "GET"],
    ["PATCH", "/me/library/albums/B0064UPU4G", "PUT, DELETE"],
    ["QUERY", "/albums/B0064UPU4G", "GET"],
  ])("answers %s %s with 405 and the methods the path has", async (method, path, allow) => {
    const response = await fetch(base + path, { method, headers });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow);
    expect(await response.json()).toMatchObject({ error: { status: "405", code: "METHOD_NOT_ALLOWED" } });
  });

  it.each([
    ["no credentials", {}, "INVALID_AUTH_TYPE"],
    ["no API key", { authorization: "Bearer u" }, "INVALID_AUTH_TYPE"],
    ["no bearer token", { "x-api-key": "k" }, "INVALID_AUTH_TYPE"],
    ["an empty bearer token", { "x-api-key": "k", authorization: "Bearer " }, "INVALID_AUTH_TOKEN"],
    ["another scheme that starts like Bearer", { "x-api-key": "k", authorization: "BearerXYZ" }, "INVALID_AUTH_TYPE"],
  ])("refuses %s with 401 in the error envelope", async (_, requestHeaders, code) => {
    const response = await fetch(`${base}/albums/B0064UPU4G`, { headers: requestHeaders });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ error: { status: "401", code } });
  });
});
