// What a server answers is outside input: the status, the headers (Location, Content-Length) and
// the body, which may echo the credentials anywhere. Fuzzed against the test's own reading of the
// rules, within a time bound per input: the error envelope and the data envelope (apiErrorFrom, and
// a whole call through the client), a redirect's Location (redirectOf), and a body's size
// (readBody).
import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzBudgetMs } from "../../support/budgets.ts";
import { AlbumsApiError, apiErrorFrom } from "../../../src/errors.ts";
import { createAlbumsClient } from "../../../src/index.ts";
import { readBody } from "../../../src/read-body.ts";
import { redact, secretsOf } from "../../../src/redact.ts";
import { redirectOf } from "../../../src/redirects.ts";
import { hostileText, urlText, withinBudget, withinBudgetAsync } from "./support.ts";

// Credentials as an application has them: long enough to be taken out wherever they show, of
// characters that no printing escapes (so that a leak shows as the text itself), some of which
// percent-encoding changes.
const credentialText = (prefix: string) =>
  fc.string({ unit: fc.constantFrom(..."abcXYZ0189.-_|/+="), minLength: 12, maxLength: 30 }).map((rest) => prefix + rest);
const credentials = fc.record({ apiKey: credentialText("amzn1.application."), accessToken: credentialText("Atza|") });

/** Text that repeats the credentials here and there, as they are and percent-encoded. */
const echoing = ({ apiKey, accessToken }: { apiKey: string; accessToken: string }, unit: fc.Arbitrary<string> = fc.string({ maxLength: 20 })) =>
  fc
    .array(fc.oneof(unit, fc.constantFrom(apiKey, accessToken, encodeURIComponent(apiKey), encodeURIComponent(accessToken), `Bearer ${accessToken}`)), { maxLength: 5 })
    .map((parts) => parts.join(""));

/** Any JSON value whose strings and keys may echo the credentials, and error envelopes among them. */
function echoingBody(sent: { apiKey: string; accessToken: string }): fc.Arbitrary<unknown> {
  const text = echoing(sent);
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      text,
      fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(text, tie("value"), { maxKeys: 4 }),
    ),
  }));
  const maybe = (arbitrary: fc.Arbitrary<unknown>) => fc.oneof(arbitrary, value);
  const envelope = fc.record(
    { error: fc.record({ status: maybe(fc.constant("400")), code: maybe(text), message: maybe(text), reference: maybe(text) }, { requiredKeys: [] }) },
    { requiredKeys: [] },
  );
  return fc.oneof(value, envelope, fc.record({ data: maybe(fc.record({ album: value })) }, { requiredKeys: [] }));
}

/** The test's own reading of the error envelope: `error.code` and `error.message` strings, `error.reference` when a string. */
function envelopeOf(body: unknown): { code: string; message: string; reference: string | undefined } | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== "object" || error === null) return undefined;
  const { code, message, reference } = error as Record<string, unknown>;
  if (typeof code !== "string" || typeof message !== "string") return undefined;
  return { code, message, reference: typeof reference === "string" ? reference : undefined };
}

/** Every way an error is commonly printed or logged, as one text. */
function printed(error: unknown): string {
  const e = error as AlbumsApiError;
  const fields = [e.message, String(e), JSON.stringify(e), e.stack ?? "", inspect(e, { depth: Infinity, showHidden: true })];
  return [...fields, JSON.stringify(e.body), JSON.stringify(e.headers), String(e.code), String(e.reference)].join("\n");
}

function expectNoCredential(error: unknown, sent: { apiKey: string; accessToken: string }): void {
  const shown = printed(error);
  for (const credential of [sent.apiKey, sent.accessToken]) {
    expect(shown).not.toContain(credential);
    expect(shown).not.toContain(encodeURIComponent(credential));
  }
}

/** Header values fetch can hold (bytes, no line break), echoing the credentials. */
const headerRecord = (sent: { apiKey: string; accessToken: string }) =>
  fc.dictionary(
    fc.constantFrom("x-echo", "www-authenticate", "x-amzn-requestid", "retry-after", "x-a"),
    echoing(sent, fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 20 })).map((text) => text.trim()),
    { maxKeys: 4 },
  );

describe("the error envelope, fuzzed", { timeout: fuzzBudgetMs }, () => {
  it("an answer's error is the envelope's code, message and reference when it has them, UNEXPECTED_RESPONSE otherwise, and shows no credential", () => {
    const input = credentials.chain((sent) => fc.tuple(fc.constant(sent), echoingBody(sent), headerRecord(sent), fc.integer({ min: 200, max: 599 })));
    fc.assert(
      fc.property(input, ([sent, body, headers, status]) => {
        const response = new Response(null, { status, headers });
        const secrets = secretsOf([sent.apiKey, sent.accessToken]);
        const error = withinBudget(() => apiErrorFrom("getAlbum", response, body, [sent.apiKey, sent.accessToken]));
        expect(error).toBeInstanceOf(AlbumsApiError);
        expect(error.status).toBe(status);
        const envelope = envelopeOf(body);
        if (envelope === undefined) {
          expect(error.code).toBe("UNEXPECTED_RESPONSE");
          expect(error.reference).toBeUndefined();
        } else {
          expect(error.code).toBe(redact(envelope.code, secrets));
          expect(error.message).toBe(`getAlbum failed with ${status} ${redact(envelope.code, secrets)}: ${redact(envelope.message, secrets)}`);
          expect(error.reference).toBe(envelope.reference === undefined ? undefined : redact(envelope.reference, secrets));
        }
        expectNoCredential(error, sent);
      }),
      { numRuns: 300 },
    );
  });

  it("a call returns the data envelope's data of a 2xx answer in JSON, and fails with AlbumsApiError on any other answer, showing no credential", async () => {
    const body = (sent: { apiKey: string; accessToken: string }) =>
      fc.oneof(
        echoingBody(sent).map((value) => JSON.stringify(value) ?? ""),
        echoing(sent, hostileText()),
        fc.constantFrom("", " ", "null", "{", '{"data":null}', '{"data":[]}', "<html>captive portal</html>"),
      );
    const input = credentials.chain((sent) => fc.tuple(fc.constant(sent), body(sent), headerRecord(sent), fc.integer({ min: 200, max: 599 })));
    // Statuses whose answer has no body.
    const nullBody = new Set([204, 205, 304]);
    await fc.assert(
      fc.asyncProperty(input, async ([sent, text, headers, status]) => {
        const fetch = async () => new Response(nullBody.has(status) ? null : text, { status, headers: { ...headers, "content-type": "application/json" } });
        const client = createAlbumsClient({ ...sent, fetch, retry: false });
        const outcome = await withinBudgetAsync(() => client.getAlbum("B0064UPU4G").then((album) => ({ album }), (error: unknown) => ({ error })));
        // The test's own reading: only a 2xx whose body is a JSON object with an object `data` is data.
        let parsed: unknown;
        try {
          parsed = JSON.parse(nullBody.has(status) ? "" : text);
        } catch {
          parsed = undefined;
        }
        const data = status < 300 && typeof parsed === "object" && parsed !== null ? (parsed as { data?: unknown }).data : undefined;
        if (typeof data === "object" && data !== null) {
          expect(outcome).toEqual({ album: (data as { album?: unknown }).album });
          return;
        }
        expect("error" in outcome && outcome.error).toBeInstanceOf(AlbumsApiError);
        const error = (outcome as { error: AlbumsApiError }).error;
        expect(error.status).toBe(status);
        // Not JSON: the text is the body. JSON outside 2xx, or without data: the envelope's code if it has one.
        const envelope = parsed === undefined ? undefined : envelopeOf(parsed);
        expect(error.code).toBe(envelope === undefined ? "UNEXPECTED_RESPONSE" : redact(envelope.code, secretsOf([sent.apiKey, sent.accessToken])));
        expectNoCredential(error, sent);
      }),
      { numRuns: 300 },
    );
  });
});

describe("redirectOf, fuzzed", { timeout: fuzzBudgetMs }, () => {
  const from = "https://api.music.amazon.dev/v1/albums/B0064UPU4G";
  const location = fc.oneof(
    hostileText(),
    urlText(["api.music.amazon.dev", "API.MUSIC.AMAZON.DEV", "api.music.amazon.dev:443", "api.music.amazon.dev.evil.example"]),
    fc.tuple(fc.constantFrom("https://api.music.amazon.dev", "http://api.music.amazon.dev", "https://api.music.amazon.dev:8443", "https://evil.example", "//evil.example", "", "/", "../", "HTTPS://API.MUSIC.AMAZON.DEV:443"), hostileText()).map(([head, tail]) => head + tail),
  );

  it("follows a redirect status's Location if and only if it is within the origin called, and reads any other answer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 599 }), fc.option(location), (status, target) => {
        // A Location fetch can hold: bytes without line breaks, as a server sends them.
        const header = target === null ? null : [...target].filter((c) => c.charCodeAt(0) <= 0xff && !/[\0\r\n]/.test(c)).join("");
        const headers = new Headers(header === null ? {} : { location: header });
        const response = new Response(null, { status, headers });
        const redirect = withinBudget(() => redirectOf(response, from));
        const isRedirect = [301, 302, 303, 307, 308].includes(status) && headers.has("location");
        if (!isRedirect) {
          expect(redirect).toBeUndefined();
          return;
        }
        const resolved = URL.canParse(headers.get("location") ?? "", from) ? new URL(headers.get("location") ?? "", from) : undefined;
        if (resolved?.origin === "https://api.music.amazon.dev") {
          expect(redirect).toEqual({ follow: resolved });
        } else {
          expect(redirect).toHaveProperty("refuse");
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("readBody, fuzzed", { timeout: fuzzBudgetMs }, () => {
  it("reads a body whole if and only if it is within the limit, whatever its pieces and its Content-Length say", async () => {
    const pieces = fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 20 });
    // The limit anywhere, or within a byte or two of the body's size, where an off-by-one shows.
    const limit = fc.oneof(fc.record({ bytes: fc.integer({ min: 1, max: 60_000 }) }), fc.record({ offset: fc.integer({ min: -2, max: 2 }) }));
    const declared = fc.option(
      fc.oneof(
        fc.nat({ max: 100_000 }).map(String),
        fc.integer({ min: -2, max: 2 }).map((offset) => ({ offset })),
        fc.constantFrom("", "abc", "1e9", " 10 ", "0x10", "-1", "Infinity"),
        hostileText(),
      ),
    );
    await fc.assert(
      fc.asyncProperty(pieces, limit, declared, fc.boolean(), async (sizes, bound, declaredLength, encoded) => {
        const total = sizes.reduce((sum, size) => sum + size, 0);
        const maxBytes = "bytes" in bound ? bound.bytes : Math.max(1, total + bound.offset);
        const length = typeof declaredLength === "object" && declaredLength !== null ? String(Math.max(0, maxBytes + declaredLength.offset)) : declaredLength;
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            sizes.forEach((size, index) => controller.enqueue(new Uint8Array(size).fill(index % 251)));
            controller.close();
          },
        });
        const headers = new Headers();
        if (length !== null) {
          try {
            headers.set("content-length", length);
          } catch {
            // Not a value a header can hold: no Content-Length, as fetch would have refused it.
          }
        }
        if (encoded) headers.set("content-encoding", "gzip");
        const body = await withinBudgetAsync(() => readBody(new Response(stream, { headers }), maxBytes));
        // The test's own reading: a declared length past the limit refuses an uncompressed body unread.
        const declaredTooLarge = !encoded && headers.has("content-length") && Number(headers.get("content-length")) > maxBytes;
        if (total > maxBytes || declaredTooLarge) {
          expect(body).toBeUndefined();
        } else {
          expect(body?.byteLength).toBe(total);
          let offset = 0;
          sizes.forEach((size, index) => {
            if (size > 0) expect([body?.[offset], body?.[offset + size - 1]]).toEqual([index % 251, index % 251]);
            offset += size;
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
