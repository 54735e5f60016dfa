// `ids` is one comma-separated parameter (a string in the description, so that every generator
// sends it as one value), and a server that reads a repeated `ids` may keep only its last value.
// These tests fail if the client sends anything but that form, and hold the mock to accepting
// both spellings of the comma and refusing the repeated form.
import { describe, expect, inject, it } from "vitest";
import { credentials, mockClient } from "./support.ts";

const headers = { "x-api-key": credentials.apiKey, authorization: `Bearer ${credentials.accessToken}` };

describe("ids", () => {
  it("leaves the client as one parameter with a literal comma: ?ids=A,B", async () => {
    const { client, exchanges } = mockClient();
    await client.getAlbums(["B0064UPU4G", "B00D3PLC1K"]);
    expect(exchanges).toHaveLength(1);
    // The raw query string, not a parsed one: a parser would hide a repeated or encoded form.
    expect(new URL(exchanges[0]?.request.url ?? "").search).toBe("?ids=B0064UPU4G,B00D3PLC1K");
    expect(exchanges[0]?.response.status).toBe(200);
  });

  it("is validated whole: a bad first ID is refused, naming the value, which a repeated parameter would hide", async () => {
    // Through the typed client underneath, which skips the facade's own checks but serializes the same way.
    const { client } = mockClient();
    const { response } = await client.raw.GET("/albums", { params: { query: { ids: "not-an-id,B0064UPU4G" } } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: {
        status: "400",
        code: "BAD_REQUEST",
        message: expect.stringContaining('Request query parameter ids must match pattern "^[A-Z0-9]{10}(,[A-Z0-9]{10}){0,99}$" (it is "not-an-id,B0064UPU4G")'),
      },
    });
  });

  it("may arrive with its comma percent-encoded (A%2CB): the mock reads the same two albums", async () => {
    const response = await fetch(`${inject("mockUrl")}/albums?ids=B0064UPU4G%2CB00D3PLC1K`, { headers });
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: { albums: Array<{ id: string }> } };
    expect(data.albums.map((album) => album.id)).toEqual(["B0064UPU4G", "B00D3PLC1K"]);
  });

  it("repeated (ids=A&ids=B) is refused with 400 in the envelope, naming the documented form", async () => {
    const response = await fetch(`${inject("mockUrl")}/albums?ids=B0064UPU4G&ids=B00D3PLC1K`, { headers });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { status: "400", code: "BAD_REQUEST", message: "ids was given 2 times: send it once, with the values comma-separated (ids=A,B)." },
    });
  });
});
