// The redirect policy's decisions one by one (src/redirects.ts): what is followed, what is
// refused and how the refusal reads, and the next hop's method as fetch would choose it. The
// hostile servers of test/faults/redirects.test.ts hold the same policy end to end.
import { describe, expect, it } from "vitest";
import { maxRedirects, nextMethod, redirectOf } from "../../src/redirects.ts";

const from = "https://api.music.amazon.dev/v1/albums/B0064UPU4G";
const answer = (status: number, location?: string) => new Response(null, { status, headers: location === undefined ? {} : { location } });

describe("redirectOf", () => {
  it.each([301, 302, 303, 307, 308])("follows a %i within the origin called, a relative Location resolved against the request", (status) => {
    expect(redirectOf(answer(status, "/v1/albums/B00D3PLC1K"), from)).toEqual({ follow: new URL("https://api.music.amazon.dev/v1/albums/B00D3PLC1K") });
  });

  it.each([200, 204, 300, 304, 305, 306, 400, 404])("reads a %i as an answer, Location or not", (status) => {
    expect(redirectOf(answer(status, "https://elsewhere.example/"), from)).toBeUndefined();
  });

  it("reads a redirect status without a Location as an answer", () => {
    expect(redirectOf(answer(302), from)).toBeUndefined();
  });

  it("refuses another origin, naming its origin only, and says the credentials are why", () => {
    expect(redirectOf(answer(307, "https://elsewhere.example:8443/steal?key=1"), from)).toEqual({
      refuse:
        "the answer redirects to https://elsewhere.example:8443, another origin; the client follows redirects within https://api.music.amazon.dev only, so that the API key and the token go nowhere else.",
    });
  });

  it("refuses plain http after https on the same host, and says so", () => {
    expect(redirectOf(answer(301, "http://api.music.amazon.dev/v1/albums"), from)).toEqual({
      refuse:
        "the answer redirects to http://api.music.amazon.dev, plain http after https; the client follows redirects within https://api.music.amazon.dev only, so that the API key and the token go nowhere else.",
    });
  });

  it("refuses a Location with no origin by its scheme", () => {
    expect(redirectOf(answer(302, "data:text/plain,hi"), from)).toEqual({ refuse: expect.stringMatching(/^the answer redirects to data:, another origin; /) });
  });

  it("refuses a Location that is not a URL", () => {
    expect(redirectOf(answer(302, "http://[::1"), from)).toEqual({ refuse: "the answer redirects to a Location that is not a URL." });
  });

  it("refuses a browser's opaque redirect, whose Location a script cannot read", () => {
    const opaque = { type: "opaqueredirect", redirected: false, status: 0, headers: new Headers(), url: "" } as unknown as Response;
    expect(redirectOf(opaque, from)).toEqual({
      refuse: "the answer is a redirect the browser does not let the client see; it is not followed, and nothing is sent to where it points.",
    });
  });

  it("refuses an answer a given fetch reached by following a redirect elsewhere, and keeps one it reached within the origin", () => {
    const followed = (url: string) => ({ type: "basic", redirected: true, status: 200, headers: new Headers(), url }) as unknown as Response;
    expect(redirectOf(followed("https://elsewhere.example/x"), from)).toEqual({
      refuse:
        'the fetch given followed a redirect to https://elsewhere.example by itself, with the request\'s headers; the answer is not used. Give the client a fetch that sends the Request it is given as it is (redirect: "manual").',
    });
    expect(redirectOf(followed("https://api.music.amazon.dev/v1/other"), from)).toBeUndefined();
  });

  it("stops after five redirects in a row", () => {
    expect(maxRedirects).toBe(5);
  });
});

describe("nextMethod, as fetch chooses it", () => {
  it.each([
    ["GET", 301, "GET"],
    ["POST", 301, "GET"],
    ["PUT", 301, "PUT"],
    ["DELETE", 301, "DELETE"],
    ["POST", 302, "GET"],
    ["PUT", 302, "PUT"],
    ["HEAD", 302, "HEAD"],
    ["GET", 303, "GET"],
    ["HEAD", 303, "HEAD"],
    ["POST", 303, "GET"],
    ["PUT", 303, "GET"],
    ["DELETE", 303, "GET"],
    ["POST", 307, "POST"],
    ["PUT", 307, "PUT"],
    ["DELETE", 308, "DELETE"],
    ["POST", 308, "POST"],
  ])("%s after a %i is %s", (method, status, expected) => {
    expect(nextMethod(method as string, status as number)).toBe(expected);
  });
});
