// Whatever body comes back, a call ends with the payload or a typed error (AlbumsApiError), never
// a TypeError from reading a property of null: empty bodies, `null`, an envelope with a piece
// missing or of the wrong type. The error carries the body as it came and says what was wrong.
import { describe, expect, it } from "vitest";
import { AlbumsApiError, AlbumsInputError, createAlbumsClient } from "../../src/index.ts";
import { failure } from "../support/failure.ts";
import { credentials, json, recordingFetch } from "./support/recording-fetch.ts";

/** What getAlbum rejects with when the API gives this answer (once: no retries). */
async function errorFor(answer: () => Response): Promise<AlbumsApiError> {
  const client = createAlbumsClient({ ...credentials, fetch: recordingFetch(answer).fetch, retry: false });
  const error = await failure(client.getAlbum("B0064UPU4G"));
  expect(error).toBeInstanceOf(AlbumsApiError);
  return error as AlbumsApiError;
}

const text = (body: string | null, status: number, headers: Record<string, string> = {}) => () => new Response(body, { status, headers });
const envelope = "the body is not the API's";

describe("an empty body", () => {
  it.each([
    ["a 503 with no body", text(null, 503), 503, `error envelope (empty, no content type)`],
    ["a 503 with no body but a JSON content type", text(null, 503, { "content-type": "application/json" }), 503, `error envelope (empty, application/json)`],
    ["a 200 with no body", text(null, 200, { "content-type": "application/json" }), 200, `data envelope (empty, application/json)`],
    ["a 204", text(null, 204), 204, `data envelope (empty, no content type)`],
  ])("%s is an AlbumsApiError that says the body was empty", async (_, answer, status, says) => {
    const error = await errorFor(answer);
    expect(error).toMatchObject({ status, code: "UNEXPECTED_RESPONSE", body: undefined });
    expect(error.message).toBe(`getAlbum failed with ${status} UNEXPECTED_RESPONSE: ${envelope} ${says}`);
  });

  it("of a compressed answer (its Content-Length counting the compressed bytes) is empty too, its headers as they came", async () => {
    const error = await errorFor(text("", 503, { "content-length": "20", "content-type": "application/json" }));
    expect(error).toMatchObject({ status: 503, code: "UNEXPECTED_RESPONSE", body: "" });
    expect(error.message).toBe(`getAlbum failed with 503 UNEXPECTED_RESPONSE: ${envelope} error envelope (empty, application/json)`);
    expect(error.headers["content-length"]).toBe("20");
  });
});

describe("a 2xx body that is not the data envelope", () => {
  it.each([
    ["null", null],
    ["a number", 42],
    ["a string", "album"],
    ["data: null", { data: null }],
    ["data as a string", { data: "album" }],
    ["no data", { album: {} }],
  ])("%s is an AlbumsApiError carrying it", async (_, body) => {
    const error = await errorFor(() => json(body));
    expect(error).toMatchObject({ status: 200, code: "UNEXPECTED_RESPONSE", body });
    expect(error.message).toBe(`getAlbum failed with 200 UNEXPECTED_RESPONSE: ${envelope} data envelope (application/json)`);
  });

  it("an HTML page (a captive portal) is an AlbumsApiError carrying the page", async () => {
    const page = "<html><body>Sign in to the Wi-Fi</body></html>";
    const error = await errorFor(text(page, 200, { "content-type": "text/html" }));
    expect(error).toMatchObject({ status: 200, code: "UNEXPECTED_RESPONSE", body: page });
    expect(error.message).toBe(`getAlbum failed with 200 UNEXPECTED_RESPONSE: ${envelope} data envelope (text/html)`);
  });
});

describe("an error body", () => {
  it.each([
    ["null", null],
    ["error: null", { error: null }],
    ["error as a string", { error: "INTERNAL" }],
    ["a code that is not a string", { error: { code: 500, message: "Down." } }],
    ["no message", { error: { code: "INTERNAL" } }],
    ["no code", { error: { message: "Down." } }],
  ])("with %s is UNEXPECTED_RESPONSE, carrying the body", async (_, body) => {
    const error = await errorFor(() => json(body, 500));
    expect(error).toMatchObject({ status: 500, code: "UNEXPECTED_RESPONSE", body, reference: undefined });
    expect(error.message).toBe(`getAlbum failed with 500 UNEXPECTED_RESPONSE: ${envelope} error envelope (application/json)`);
  });

  it("that is the envelope gives its code and message, and its reference only when it is a string", async () => {
    const error = await errorFor(() => json({ error: { status: "404", code: "RESOURCE_NOT_FOUND", message: "No such album.", reference: 7 } }, 404));
    expect(error).toMatchObject({ status: 404, code: "RESOURCE_NOT_FOUND", message: "getAlbum failed with 404 RESOURCE_NOT_FOUND: No such album." });
    expect(error.reference).toBeUndefined();
  });

  it("that is an HTML page from a proxy says so exactly", async () => {
    const page = "<html><body>502 Bad Gateway</body></html>";
    const error = await errorFor(text(page, 502, { "content-type": "text/html" }));
    expect(error).toMatchObject({ status: 502, code: "UNEXPECTED_RESPONSE", body: page });
    expect(error.message).toBe(`getAlbum failed with 502 UNEXPECTED_RESPONSE: ${envelope} error envelope (text/html)`);
  });
});

describe("a token function that returns no token", () => {
  it.each([
    ["undefined", () => undefined],
    ["null", () => null],
    ["blanks", () => "   "],
    ["a number", () => 42],
    ["a promise of undefined", async () => undefined],
  ])("(%s) is an AlbumsInputError, and nothing is sent", async (_, accessToken) => {
    const recording = recordingFetch(() => json({}));
    const client = createAlbumsClient({ apiKey: "k", accessToken: accessToken as () => string, fetch: recording.fetch });
    const error = await failure(client.getAlbum("B0064UPU4G"));
    expect(error).toBeInstanceOf(AlbumsInputError);
    expect((error as Error).message).toBe("accessToken returned no token: expected a non-empty string.");
    expect(recording.requests).toHaveLength(0);
  });
});
