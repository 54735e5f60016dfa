// The mock's MSW handlers in a browser (Chromium), as a front-end team's tests would use them:
// MSW's service worker answers the page's requests to production with the mock's provider,
// validation and envelope, a library per token, and our client reads the answers. The page and
// its bundle (esbuild, for the browser) are served from loopback; nothing leaves the machine.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/redocly.ts";
import { browserBudgetMs } from "../support/budgets.ts";
import { launchChromium, missingChromium } from "../support/chromium.ts";

const missing = missingChromium("The mock's MSW handlers in a browser");

const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MSW</title><link rel="icon" href="data:,">
<script type="module" src="/page.js"></script></head><body></body></html>`;

describe.skipIf(missing !== undefined)("createHandlers() with MSW's service worker, in Chromium", () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const outside: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [join(projectRoot, "test/browser/msw-page-entry.ts")],
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      target: "es2022",
      logLevel: "error",
    });
    const script = bundle.outputFiles[0]?.text ?? "";
    const worker = readFileSync(join(projectRoot, "node_modules/msw/lib/mockServiceWorker.js"));
    server = createServer((request, response) => {
      const path = new URL(request.url ?? "/", "http://localhost").pathname;
      if (path === "/") return void response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
      if (path === "/page.js") return void response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(script);
      if (path === "/mockServiceWorker.js") return void response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(worker);
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    browser = await launchChromium();
    page = await browser.newPage();
    page.on("pageerror", (error) => errors.push(error.message));
    // Chromium logs every answer outside 2xx as a failed load: the 404 the test asks for is one.
    page.on("console", (message) => void (message.type() === "error" && !message.text().includes("status of 404") && errors.push(message.text())));
    // Whatever would reach another host is recorded and refused: the worker must answer first.
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1") return route.continue();
      outside.push(url.href);
      return route.abort("blockedbyclient");
    });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.locator("body[data-ready=true]").waitFor({ state: "attached" });
  }, browserBudgetMs);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it("answers our client's calls to production: the album, a save in the user's own library, a typed 404", { timeout: browserBudgetMs }, async () => {
    const result = await page.evaluate(() => (window as unknown as { albumsTest(): Promise<unknown> }).albumsTest());
    expect(result).toEqual({ title: "Discovery", library: ["B00D3PLC1K"], other: 0, error: "404 RESOURCE_NOT_FOUND", users: 1 });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
