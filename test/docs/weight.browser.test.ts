// What a reader's browser downloads, budgeted: the first visit over docs:serve (compressed),
// and a second one (revalidated, Scalar's files from the cache). Bytes and requests, not time:
// a budget that fails on a regression, never on a slow machine (`npm run bench -- --only docs`
// prints the time to a usable page).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasChromium, useDocsInChromium } from "./support/browser.ts";

/**
 * The budgets, with what they were measured at (Scalar 1.76.0, the description of 1.0.0):
 * 22 requests, 856 kB over the wire with brotli, 3.24 MB decoded, a 64 kB page; a second
 * visit sent 300 bytes (the page's 304). Redoc's one-file page, before, was 2.6 MB (709 kB
 * gzipped) in one request, and docs:serve sent it uncompressed.
 */
const budgets = {
  firstVisitRequests: 25,
  firstVisitTransferredBytes: 1_000_000,
  firstVisitDecodedBytes: 3_600_000,
  pageDecodedBytes: 100_000,
  secondVisitTransferredBytes: 2_000,
};

interface Load {
  requests: number;
  transferred: number;
  decoded: number;
  page: number;
}

/** What the page and everything it loaded took, from the browser's own count (Resource Timing). */
function measured(page: Page): Promise<Load> {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
    return {
      // Resources answered from the cache without asking the server cost no transfer.
      requests: 1 + resources.filter((r) => r.transferSize > 0).length,
      transferred: navigation.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
      decoded: navigation.decodedBodySize + resources.reduce((sum, r) => sum + r.decodedBodySize, 0),
      page: navigation.decodedBodySize,
    };
  });
}

describe.skipIf(!hasChromium)("the weight of the reference docs, in Chromium over docs:serve", () => {
  const docs = useDocsInChromium();

  it("loads within its budgets on a first visit, compressed, and next to nothing on a second", async () => {
    const context = await docs.browser().newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const first = await context.newPage();
      await first.goto(docs.url());
      await first.locator("html[data-docs-ready=true]").waitFor({ state: "attached" });
      const load = await measured(first);
      expect(load.requests).toBeLessThanOrEqual(budgets.firstVisitRequests);
      expect(load.transferred).toBeLessThanOrEqual(budgets.firstVisitTransferredBytes);
      expect(load.decoded).toBeLessThanOrEqual(budgets.firstVisitDecodedBytes);
      expect(load.page).toBeLessThanOrEqual(budgets.pageDecodedBytes);
      // Compressed: what came over the wire is well under what the browser decoded.
      expect(load.transferred).toBeLessThan(load.decoded / 3);
      await first.close();

      const second = await context.newPage();
      await second.goto(docs.url());
      await second.locator("html[data-docs-ready=true]").waitFor({ state: "attached" });
      const again = await measured(second);
      expect(again.transferred).toBeLessThanOrEqual(budgets.secondVisitTransferredBytes);
      expect(again.requests).toBe(1);
      await second.close();
    } finally {
      await context.close();
    }
  });
});
