// Docs a reader can read, measured in Chromium at a laptop's width and a phone's: nothing fixed
// or floating over the text as they scroll, nothing wider than the screen, no code cut at its
// panel's edge without a scrollbar they can see, no broken image (Redoc's footer badge was one).
// Screenshots of an operation at both widths are saved beside the page
// (dist/docs/screenshot-<width>.png) for a person to look at.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { docsDir } from "../../scripts/docs.ts";
import { hasChromium, useDocsInChromium, widths } from "./support/browser.ts";
import { guideSections, operationsInDocs, sectionOf } from "./support/docs-spec.ts";
import { brokenImages, coveredText } from "./support/in-page.ts";
import { cutBlocks } from "./support/measure.ts";

/**
 * Scrolls the page a screen at a time from where it is, `screens` times, collecting what stays
 * covered at each stop. Scalar renders a section as it comes near, and the page below it moves
 * for a moment: something over text counts when it is still there 3 s later, however long the
 * rendering takes on a busy machine.
 */
async function coveredWhileScrolling(page: Page, screens: number): Promise<string[]> {
  const covered = new Set<string>();
  for (let screen = 0; screen < screens; screen++) {
    const now = () => page.evaluate(coveredText);
    const stayed = await expect.poll(now, { timeout: 3_000 }).toEqual([]).then(() => [], now);
    for (const found of stayed) covered.add(found);
    await page.mouse.wheel(0, 700);
    // Let the scroll land and what it brings into view render.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  return [...covered];
}

describe.skipIf(!hasChromium)("the reference docs, read in Chromium", () => {
  const docs = useDocsInChromium();

  describe.each(widths)("%i px wide", (width) => {
    it.each([
      { where: "the introduction and the guide", hash: "" },
      { where: "an operation", hash: operationsInDocs[0]?.link ?? "" },
      { where: "the Errors section", hash: guideSections.find((s) => s.name === "Errors")?.link ?? "" },
    ])("covers no text with anything fixed or floating, while the reader scrolls through $where", async ({ hash }) => {
      const page = await docs.open(`${docs.url()}/${hash}`, width);
      await page.mouse.move(width / 2, 450);
      // The measure sees text: it is not passing over an empty screen.
      expect((await page.locator("main p").count()) > 5).toBe(true);
      expect(await coveredWhileScrolling(page, 6)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      expect(await page.evaluate(brokenImages)).toEqual([]);
      await page.close();
    });

    it.each(operationsInDocs)("shows $operationId's samples whole, or scrollable with a visible scrollbar", async (op) => {
      const page = await docs.open(`${docs.url()}/${op.link}`, width);
      const within = sectionOf(op.anchor);
      await page.locator(within).first().locator("pre").first().waitFor();
      expect(await cutBlocks(page, `:is(${within}) :is(pre, .scalar-code-block .custom-scroll)`)).toEqual([]);
      await page.close();
    });

    it("saves a screenshot of an operation with its samples, for a person to look at", async () => {
      const op = operationsInDocs.find((o) => o.operationId === "getLibraryAlbums");
      const page = await docs.open(`${docs.url()}/${op?.link}`, width);
      const samples = page.locator(sectionOf(op?.anchor as string)).first().locator("pre").first();
      await samples.waitFor();
      // Side by side, the samples are beside the operation's heading; on a phone, after it: scroll.
      if (width < 1000) await samples.evaluate((pre) => pre.scrollIntoView({ block: "center" }));
      await page.screenshot({ path: join(docsDir, `screenshot-${width}.png`) });
      await page.close();
    });
  });

  it("loaded nothing from another host, and logged no error", () => {
    expect(docs.watch.outsideRequests).toEqual([]);
    expect(docs.watch.consoleErrors).toEqual([]);
  });
});
