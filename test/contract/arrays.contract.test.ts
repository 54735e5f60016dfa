// openapi-fetch repeats array parameters (`ids=A&ids=B`) unless told otherwise, and Prism, given
// a repeated `ids`, silently keeps only the last value. These tests fail if the client sends
// anything but the description's comma-separated form.
import { describe, expect, it } from "vitest";
import { mockClient } from "./support.ts";

describe("ids", () => {
  it("reaches Prism as one comma-separated parameter, validated without violations", async () => {
    const { client, exchanges } = mockClient();
    await client.getAlbums(["B0064UPU4G", "B00D3PLC1K"]);
    const [exchange] = exchanges;
    expect(new URL(exchange?.request.url ?? "").searchParams.getAll("ids")).toEqual(["B0064UPU4G,B00D3PLC1K"]);
    expect(exchange?.response.headers.get("sl-violations")).toBeNull();
  });

  it("is validated item by item: a bad first ID is caught, which a repeated parameter would hide", async () => {
    // Through the typed client underneath, which skips the facade's own checks but serializes the same way.
    const { client, exchanges } = mockClient();
    const { response } = await client.raw.GET("/albums", { params: { query: { ids: ["not-an-id", "B0064UPU4G"] } } });
    expect(response.status).toBe(400);
    const violations = JSON.parse(exchanges[0]?.response.headers.get("sl-violations") ?? "[]") as Array<{ location: string[] }>;
    expect(violations.map((v) => v.location.join("."))).toContain("request.query.ids.0");
  });
});
