// The client as a browser runs it: Chromium loads the built package (see client-page.ts) from one
// loopback origin and calls the mock on another, so every call crosses origins, preflight
// included (the credentials and `Prefer` are not CORS-safelisted headers).
import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type * as Albums from "../../src/index.ts";
import { examplesOf } from "../contract/support.ts";
import { launchChromium, missingChromium } from "../support/chromium.ts";
import { serveClientPage, type ClientPage } from "./client-page.ts";

const missing = missingChromium("The client in a browser");
const mock = inject("mockUrl");
const options = { apiKey: "amzn1.application.browser-test", accessToken: "browser-test-token", baseUrl: mock };
const notFound = examplesOf("getAlbum", "404")[0]?.value.error as { code: string; message: string };

/** The package's exports, as the page's module put them on `window`. */
type PageWindow = Window & { albums: typeof Albums };

describe.skipIf(missing !== undefined)("the built client in Chromium, against the mock on another origin", () => {
  let browser: Browser;
  let server: ClientPage;
  let page: Page;
  const requests: Request[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await serveClientPage();
    browser = await launchChromium();
    page = await browser.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    page.on("pageerror", (error) => consoleErrors.push(`uncaught: ${error.message}`));
    page.on("request", (request) => requests.push(request));
    await page.goto(server.url);
    await page.locator("body[data-ready=true]").waitFor({ state: "attached" });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("is served from an origin other than the mock's", () => {
    expect(new URL(server.url).origin).not.toBe(new URL(mock).origin);
  });

  it("gets an album", async () => {
    const title = await page.evaluate(async (options) => {
      const albums = (window as unknown as PageWindow).albums.createAlbumsClient(options);
      return (await albums.getAlbum("B0064UPU4G")).title;
    }, options);
    expect(title).toBe("Discovery");
  });

  it("gets a typed error: the 404 asked for with Prefer, through the call's own headers", async () => {
    const error = await page.evaluate(async (options) => {
      const { AlbumsApiError, createAlbumsClient } = (window as unknown as PageWindow).albums;
      const failure = await createAlbumsClient(options)
        .getAlbum("B0064UPU4G", { headers: { Prefer: "code=404" } })
        .then(() => undefined, (e: unknown) => e);
      return failure instanceof AlbumsApiError
        ? { name: failure.name, status: failure.status, code: failure.code, operation: failure.operation, message: failure.message }
        : { unexpected: String(failure) };
    }, options);
    expect(error).toEqual({ name: "AlbumsApiError", status: 404, code: notFound.code, operation: "getAlbum", message: expect.stringContaining(notFound.message) });
  });

  it("saves an album (a PUT, so a preflighted request) and gets a page of the library", async () => {
    const page1 = await page.evaluate(async (options) => {
      const albums = (window as unknown as PageWindow).albums.createAlbumsClient(options);
      await albums.saveLibraryAlbum("B00D3PLC1K");
      const library = await albums.getLibraryAlbums({ limit: 20 });
      return { ids: library.edges.map((edge) => edge.node.id), hasNextPage: library.pageInfo.hasNextPage };
    }, options);
    expect(page1.ids).toEqual(["B00D3PLC1K"]);
  });

  // After the calls above: they went to the mock, as cross-origin requests, and nothing else did.
  it("sent each call to the mock from the page's origin, reached nothing else, and logged no error but the 404's", async () => {
    const pageOrigin = new URL(server.url).origin;
    const calls = requests.filter((request) => request.url().startsWith(mock));
    expect(calls.map((request) => new URL(request.url()).pathname)).toEqual(["/albums/B0064UPU4G", "/albums/B0064UPU4G", "/me/library/albums/B00D3PLC1K", "/me/library/albums"]);
    for (const request of calls) expect((await request.allHeaders()).origin).toBe(pageOrigin);
    expect(requests.filter((request) => !request.url().startsWith(mock) && !request.url().startsWith(pageOrigin))).toEqual([]);
    // Chromium logs every answer outside 2xx that fetch gets, wanted or not.
    expect(consoleErrors).toEqual([`Failed to load resource: the server responded with a status of 404 (Not Found) (${mock}/albums/B0064UPU4G)`]);
  });
});
