// Chromium as a reader has it, for the docs tests: Debian's build driven by playwright-core, with
// every request to another host blocked and recorded, and every error the page logs kept.
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { serveDocs } from "../../../scripts/docs.ts";

export const chromiumPath = "/usr/bin/chromium";
export const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  if (process.env.CI === "true") throw new Error(`CI=true needs Chromium at ${chromiumPath}: .ci/run installs Debian's chromium.`);
  console.warn(`Skipping the docs browser tests: no Chromium at ${chromiumPath}. Install it with: sudo apt-get install chromium`);
}

export const widths = [1440, 390];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    // Playwright hides scrollbars in headless mode (--hide-scrollbars): they would take no room,
    // and a block that scrolls would look the same as one that is cut. Readers see them.
    ignoreDefaultArgs: ["--hide-scrollbars"],
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
  });
}

const local = (url: URL) => ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname) || ["data:", "blob:", "file:"].includes(url.protocol);

/** What the pages of one test file asked of the outside world, and what they logged as errors. */
export class Watch {
  readonly outsideRequests: string[] = [];
  readonly consoleErrors: string[] = [];

  /** A page `width` px wide that blocks and records every request leaving this machine. */
  async newPage(browser: Browser, width = 1440): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    // A step that cannot happen (a button covered, say) fails naming its locator, before the test's own timeout.
    page.setDefaultTimeout(15_000);
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      // A page opened from a file asks the root of the mock's address whether it runs
      // (docs/page.js): the browser logs the refused connection, or the mock's 404 for that
      // path, which is the answer, not a fault. Nothing else the pages load is a root there.
      const at = message.location().url;
      const probe = /^http:\/\/127\.0\.0\.1:\d+\/$/.test(at) && message.text().startsWith("Failed to load resource");
      if (!probe) this.consoleErrors.push(`${message.text()} (${at})`);
    });
    page.on("pageerror", (error) => this.consoleErrors.push(`uncaught: ${error.message}`));
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (local(url)) return route.continue();
      this.outsideRequests.push(url.href);
      return route.abort("blockedbyclient");
    });
    return page;
  }
}

/** Opens the docs at `url` and waits until Scalar has rendered them (docs/page.js marks it). */
export async function openDocs(page: Page, url: string): Promise<Page> {
  await page.goto(url);
  await page.locator("html[data-docs-ready=true]").waitFor({ state: "attached" });
  return page;
}

/**
 * Chromium and the built docs served on loopback, for the tests of one file: started before
 * them, stopped after. `open` gives a watched page at an address (the server's, or a file's);
 * `mock` is where the page's "Test Request" finds the mock, when the file starts one.
 */
export function useDocsInChromium(options: { mock?: () => string } = {}): { url(): string; open(address: string, width?: number): Promise<Page>; watch: Watch; browser(): Browser } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveDocs>> | undefined;
  const watch = new Watch();
  beforeAll(async () => {
    server = await serveDocs(0, options.mock ? { mock: options.mock() } : {});
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    watch,
    url: () => server?.url ?? "",
    browser: () => browser as Browser,
    open: async (address, width) => openDocs(await watch.newPage(browser as Browser, width), address),
  };
}
