// The built reference docs in a real browser (Debian's Chromium, driven by playwright-core),
// with every request to another host blocked and recorded: the page must be self-contained,
// list and render the five operations, find things, and open each operation by its link.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocs, docsDir, serveDocs } from "../../scripts/docs.ts";
import { loadSpec, operations } from "../spec/support/spec.ts";

const chromiumPath = "/usr/bin/chromium";
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  if (process.env.CI === "true") throw new Error(`CI=true needs Chromium at ${chromiumPath}: .ci/run installs Debian's chromium.`);
  console.warn(`Skipping the docs browser test: no Chromium at ${chromiumPath}. Install it with: sudo apt-get install chromium`);
}

/** Redoc's footer badge: its one hard-coded outside image, which the page's CSP blocks. */
const badge = /^https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini[^/]*\.svg$/;

const operationsInDocs = operations(loadSpec()).map(({ operation }) => {
  const tag = String((operation.tags as string[])[0]);
  return {
    operationId: String(operation.operationId),
    summary: String(operation.summary),
    // Redoc's id and hash link for an operation: the tag and the operationId, lower-cased.
    anchor: `${tag}/${String(operation.operationId)}`.toLowerCase(),
    parameters: operation.operationId === "getLibraryAlbums" ? ["limit", "cursor"] : operation.operationId === "getAlbums" ? ["ids"] : ["id"],
    statuses: Object.keys(operation.responses as object),
  };
});

describe.skipIf(!hasChromium)("the reference docs in Chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDocs>>;
  const outsideRequests: string[] = [];
  const consoleErrors: string[] = [];

  /** A page of the docs that blocks and records every request leaving this machine. */
  async function openDocs(path = "/"): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(`uncaught: ${error.message}`));
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (["127.0.0.1", "localhost", "[::1]"].includes(url.hostname) || url.protocol === "data:" || url.protocol === "blob:") {
        return route.continue();
      }
      outsideRequests.push(url.href);
      return route.abort("blockedbyclient");
    });
    await page.goto(server.url + path);
    await page.getByTestId("search-trigger").waitFor();
    return page;
  }

  beforeAll(async () => {
    buildDocs();
    server = await serveDocs(0);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("lists the five operations in the navigation, and saves a screenshot of the whole page", async () => {
    const page = await openDocs();
    for (const tag of ["Albums", "Library"]) {
      await page.locator('[data-component-name="Menu/MenuItem"]', { hasText: new RegExp(`^${tag}$`) }).click();
      await page.locator(`[data-component-name="Menu/MenuItem"] a[href="#/${tag.toLowerCase()}/${operationsInDocs.find((o) => o.anchor.startsWith(tag.toLowerCase()))?.operationId.toLowerCase()}"]`).waitFor();
    }
    const links = await page.locator('[data-component-name="Menu/MenuItem"] a').evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links).toEqual(expect.arrayContaining(operationsInDocs.map((o) => `#/${o.anchor}`)));
    mkdirSync(docsDir, { recursive: true });
    await page.screenshot({ path: join(docsDir, "screenshot.png"), fullPage: true });
    await page.close();
  });

  it.each(operationsInDocs)("opens $operationId by its link, with its parameters, responses and samples", async (op) => {
    const page = await openDocs(`/#/${op.anchor}`);
    const section = page.locator(`[id="${op.anchor}"]`);
    await section.waitFor();
    // Opened: its heading is scrolled into view.
    const heading = section.getByRole("heading", { name: op.summary });
    const box = await heading.boundingBox();
    expect(box && box.y >= 0 && box.y < 900).toBe(true);

    const text = await section.innerText();
    for (const parameter of op.parameters) expect(text).toMatch(new RegExp(`^${parameter}\\b`, "m"));
    expect(text).toContain("Responses");
    for (const status of op.statuses) expect(text).toMatch(new RegExp(`^${status}$`, "m"));

    // The samples: curl first, and the language menu offers TypeScript and Python.
    expect(text).toMatch(/^curl .*https:\/\/api\.music\.amazon\.dev\/v1\//m);
    await section.locator('[data-component-name="Dropdown/Dropdown"] button', { hasText: /^curl$/ }).click();
    const menu = page.getByRole("menu").filter({ hasText: "TypeScript" });
    expect((await menu.innerText()).split("\n")).toEqual(["curl", "TypeScript", "Python"]);
    await menu.getByText("TypeScript", { exact: true }).click();
    expect(await section.innerText()).toContain("createAlbumsClient");
    await page.close();
  });

  it("finds the library operations when searching for 'library'", async () => {
    const page = await openDocs();
    await page.getByTestId("search-trigger").click();
    await page.keyboard.type("library");
    const results = page.locator("div", { has: page.locator('input[value="library"], input') }).filter({ hasText: "to navigate" }).last();
    for (const summary of ["List the albums in the user's library", "Save an album to the user's library", "Remove an album from the user's library"]) {
      await results.getByText(summary).first().waitFor();
    }
    await page.close();
  });

  // After the pages above: what they asked of the outside world, and what they logged.
  it("loaded nothing from another host, and logged no error but the blocked badge's", () => {
    expect(outsideRequests).toEqual([]);
    const unexpected = consoleErrors.filter((text) => !(text.includes("Content Security Policy") && [...text.matchAll(/'(https?:[^']+)'/g)].every((m) => badge.test(m[1] as string))));
    expect(unexpected).toEqual([]);
  });
});
