// Requests no fetch sends, written on a socket as they are, against both modes: what Node.js would
// answer by itself (a bare 400 without Host, a bare 417, a closed connection for CONNECT) comes
// back in the API's envelope, and the details of HTTP a client may rely on hold (HEAD, a target in
// absolute form, one Host only, the bearer scheme's name in any case).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mockStartBudgetMs, startMock, type RunningMock } from "../support/mock.ts";
import { rawRequest, type RawAnswer } from "../support/raw-http.ts";

const credentials = "x-api-key: amzn1.application.raw\r\nauthorization: Bearer raw-user\r\n";

describe.each(["realistic", "static"] as const)("the %s mode, over a raw socket", (mode) => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ mode });
  }, mockStartBudgetMs);
  afterAll(() => mock.close());

  // The socket stays open for writing: a client that half-closes first gets no answer it could wait for from Node.js.
  const send = (head: string) => rawRequest(mock.url, `${head}\r\n\r\n`, false);
  const envelopeOf = (answer: RawAnswer) => JSON.parse(answer.body) as { error: { status: string; code: string; message: string } };

  it("an HTTP/1.1 request without Host gets 400 in the envelope, naming the header", async () => {
    const answer = await send(`GET /albums/B0064UPU4G HTTP/1.1\r\n${credentials}connection: close`);
    expect(answer.status).toBe(400);
    expect(envelopeOf(answer)).toEqual({ error: { status: "400", code: "BAD_REQUEST", message: "The request has no Host header, which HTTP/1.1 requires." } });
  });

  it("an HTTP/1.0 request without Host is answered (1.0 has no Host)", async () => {
    const answer = await send(`GET /albums/B0064UPU4G HTTP/1.0\r\n${credentials}`);
    expect(answer.status).toBe(200);
  });

  it("two Host headers get 400 in the envelope", async () => {
    const answer = await send(`GET /albums/B0064UPU4G HTTP/1.1\r\nhost: a\r\nhost: b\r\n${credentials}connection: close`);
    expect(answer.status).toBe(400);
    expect(envelopeOf(answer).error.message).toBe("The request has 2 Host headers; HTTP allows one.");
  });

  it("an Expect the mock does not meet gets 417 in the envelope; 100-continue is met", async () => {
    const refused = await send(`GET /albums/B0064UPU4G HTTP/1.1\r\nhost: x\r\nexpect: something-else\r\n${credentials}connection: close`);
    expect(refused.status).toBe(417);
    expect(envelopeOf(refused)).toMatchObject({ error: { status: "417", code: "EXPECTATION_FAILED", message: expect.stringContaining("Expect: something-else") } });
    const met = await send(`GET /albums/B0064UPU4G HTTP/1.1\r\nhost: x\r\nexpect: 100-continue\r\n${credentials}connection: close`);
    expect(met.status).toBe(100);
  });

  it("CONNECT gets 405 in the envelope instead of a closed connection", async () => {
    const answer = await send("CONNECT api.music.amazon.dev:443 HTTP/1.1\r\nhost: api.music.amazon.dev:443");
    expect(answer.status).toBe(405);
    expect(envelopeOf(answer)).toMatchObject({ error: { status: "405", code: "METHOD_NOT_ALLOWED" } });
  });

  it("HEAD on a GET path answers as GET does, without the body", async () => {
    const head = await send(`HEAD /albums/B0064UPU4G HTTP/1.1\r\nhost: x\r\n${credentials}connection: close`);
    const get = await send(`GET /albums/B0064UPU4G HTTP/1.1\r\nhost: x\r\n${credentials}connection: close`);
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    expect(head.headers["content-length"]).toBe(get.headers["content-length"]);
    expect(head.headers["content-type"]).toBe("application/json");
  });

  it("a target in absolute form names its path like any other", async () => {
    const answer = await send(`GET http://127.0.0.1/albums/B0064UPU4G?x=1 HTTP/1.1\r\nhost: 127.0.0.1\r\n${credentials}connection: close`);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('"id":"B0064UPU4G"');
  });

  it.each(["bearer raw-user", "BEARER raw-user", "Bearer   raw-user"])("takes the bearer scheme's name in any case: %s", async (authorization) => {
    const answer = await send(`GET /albums/B0064UPU4G HTTP/1.1\r\nhost: x\r\nx-api-key: k\r\nauthorization: ${authorization}\r\nconnection: close`);
    expect(answer.status).toBe(200);
  });

  it.each(["Bearerraw-user", "Basic cmF3OnVzZXI=", "raw-user"])("refuses another scheme, or none: %s", async (authorization) => {
    const answer = await send(`GET /albums/B0064UPU4G HTTP/1.1\r\nhost: x\r\nx-api-key: k\r\nauthorization: ${authorization}\r\nconnection: close`);
    expect(answer.status).toBe(401);
    expect(envelopeOf(answer).error.code).toBe("INVALID_AUTH_TYPE");
  });
});
